/**
 * The Socket.IO server: typed event maps from `shared/`, and a handshake that checks, in order,
 * the Origin (both transports, via `allowRequest`), the protocol version and the session cookie.
 * Every command has an access policy (`command-policies.ts`). A briefly dropped connection is
 * recovered with what it missed, unless it lost access meanwhile (`connection-recovery.ts`); the
 * handshake checks run again either way.
 */
import type { Server as HttpServer } from 'node:http';
import { Server, type ServerOptions } from 'socket.io';
import {
  ErrorCode,
  HandshakeAuth,
  PROTOCOL_VERSION,
  SOCKET_IO_PATH,
  type HandshakeRefusal,
  type Slot,
} from '@setboard/shared';
import { originCheck } from '../access/origin.js';
import type { ProxyTrust } from '../access/proxy-trust.js';
import { sessionOfRequest } from '../access/realtime-access.js';
import type { AccessServices } from '../access/services.js';
import type { Logger } from '../logger.js';
import type { MeetingClock, PublishChange, Scheduler } from '../meetings/meeting-clock.js';
import type { MeetingService, StoredMeeting } from '../meetings/meeting-service.js';
import type { AppServer } from './app-server.js';
import { registerClockHandlers } from './clock.handlers.js';
import { limitCommands, type CommandLimiter } from './command-limits.js';
import { guardConnectionRecovery, RECOVERY_WINDOW_MS } from './connection-recovery.js';
import { wireMeetingBroadcast } from './meeting-broadcast.js';
import { registerMeetingHandlers } from './meeting.handlers.js';
import { registerQuestionHandlers } from './question.handlers.js';
import { personRoom, sessionRoom } from './rooms.js';
import type { QuestionService } from '../boards/question-service.js';

/** Largest Socket.IO message accepted; commands are small. */
export const MAX_SOCKET_MESSAGE_BYTES = 64 * 1024;

export interface SocketServerDeps {
  httpServer: HttpServer;
  logger: Logger;
  now: () => number;
  services: AccessServices;
  publicUrl: string | undefined;
  /** Whom to believe about X-Forwarded-* (TRUST_PROXY); default: nobody. */
  proxyTrust?: ProxyTrust;
  adapter?: ServerOptions['adapter'];
  meetings: MeetingService;
  /** Questions put to presenters, written into slot docs by the server. */
  questions: QuestionService;
  /** Copies deferred slots' boards into a newly opened meeting's slots. */
  carrySlotBoards: (slots: readonly Slot[]) => Promise<void>;
  /** Runs meeting ticks when they fall due (timers in production, driven by hand in tests). */
  scheduler: Scheduler;
  /** Prepares the set's boards for a newly opened meeting. */
  prepareBoards?: (meeting: StoredMeeting) => Promise<void>;
  /** Counts every command against its connection and person (C11). */
  commandLimiter?: CommandLimiter;
  /** Told of every meeting change this instance stores and publishes. */
  onMeetingChanged?: PublishChange;
}

function refusal(code: string, message: string): Error & { data: HandshakeRefusal } {
  const error = new Error(message) as Error & { data: HandshakeRefusal };
  error.data = { code, serverProtocolVersion: PROTOCOL_VERSION };
  return error;
}

/** Socket.IO's heartbeat (docs/protocol.md H6). */
export const SOCKET_PING = { intervalMs: 2_000, timeoutMs: 3_000 } as const;

export function createSocketServer(deps: SocketServerDeps): {
  io: AppServer;
  meetingClock: MeetingClock;
  /** Broadcasts a change the server stored by itself (a roster sync, M9). */
  publish: PublishChange;
} {
  const isAllowedOrigin = originCheck(deps);
  const io: AppServer = new Server(deps.httpServer, {
    path: SOCKET_IO_PATH,
    serveClient: false,
    maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
    // A dead connection is noticed within five seconds on both ends (H6): a ping every two
    // seconds, and three more to answer it.
    pingInterval: SOCKET_PING.intervalMs,
    pingTimeout: SOCKET_PING.timeoutMs,
    // Other upgrade requests (/yjs) share this HTTP server: leave them alone.
    destroyUpgrade: false,
    allowRequest: (request, callback) => callback(null, isAllowedOrigin(request)),
    // R1: a brief drop loses nothing. The handshake checks run again on recovery (R2).
    connectionStateRecovery: {
      maxDisconnectionDuration: RECOVERY_WINDOW_MS,
      skipMiddlewares: false,
    },
    ...(deps.adapter ? { adapter: deps.adapter } : {}),
  });
  const recovery = guardConnectionRecovery(io, { services: deps.services, logger: deps.logger });
  io.use((socket, next) => {
    const auth = HandshakeAuth.safeParse(socket.handshake.auth);
    if (!auth.success || auth.data.protocolVersion !== PROTOCOL_VERSION) {
      next(refusal(ErrorCode.protocolMismatch, 'This page is out of date. Please reload it.'));
      return;
    }
    socket.data.protocolVersion = auth.data.protocolVersion;
    sessionOfRequest(deps.services, socket.request).then(
      (session) => {
        if (!session) {
          next(refusal(ErrorCode.unauthenticated, 'Sign in to continue.'));
          return;
        }
        socket.data.personId = session.person.id;
        socket.data.isOrganiser = session.person.isOrganiser;
        socket.data.sessionKey = session.sessionKey;
        next();
      },
      (error: unknown) => {
        deps.logger.error({ err: error }, 'could not check a Socket.IO session');
        next(refusal(ErrorCode.internal, 'Something went wrong. Try again shortly.'));
      },
    );
  });
  const { clock, publish, announceOpened } = wireMeetingBroadcast(io, {
    meetings: deps.meetings,
    scheduler: deps.scheduler,
    now: deps.now,
    logger: deps.logger,
    clustered: Boolean(deps.adapter),
    ...(deps.onMeetingChanged ? { onChanged: deps.onMeetingChanged } : {}),
  });
  io.on('connection', (socket) => {
    const log = deps.logger.child({ socketId: socket.id, personId: socket.data.personId });
    log.debug('socket connected');
    if (deps.commandLimiter) limitCommands(socket, deps.commandLimiter, log);
    void socket.join([personRoom(socket.data.personId), sessionRoom(socket.data.sessionKey)]);
    // A recovery refused because access was lost while away (R3): say which sets, once.
    if (!socket.recovered) {
      for (const setId of recovery.takeLostSets(socket.handshake.auth.pid))
        socket.emit('access:revoked', { setId });
    }
    const commandDeps = { logger: log, sets: deps.services.sets, now: deps.now };
    registerClockHandlers(socket, commandDeps);
    registerMeetingHandlers(socket, {
      ...commandDeps,
      meetings: deps.meetings,
      clock,
      publish,
      announceOpened,
      carrySlotBoards: deps.carrySlotBoards,
      ...(deps.prepareBoards ? { prepareBoards: deps.prepareBoards } : {}),
    });
    registerQuestionHandlers(socket, { ...commandDeps, questions: deps.questions, publish });
    socket.on('disconnect', (reason) => log.debug({ reason }, 'socket disconnected'));
  });
  return { io, meetingClock: clock, publish };
}

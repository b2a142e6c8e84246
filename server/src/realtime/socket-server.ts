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
  type ClientToServerEvents,
  type HandshakeRefusal,
  type ServerToClientEvents,
  type SocketData,
  type Slot,
} from '@setboard/shared';
import { isSameOrigin } from '../access/origin.js';
import { sessionOfRequest } from '../access/realtime-access.js';
import type { AccessServices } from '../access/services.js';
import type { Logger } from '../logger.js';
import type { MeetingClock, PublishChange, Scheduler } from '../meetings/meeting-clock.js';
import type { MeetingService } from '../meetings/meeting-service.js';
import { registerClockHandlers } from './clock.handlers.js';
import { guardConnectionRecovery, RECOVERY_WINDOW_MS } from './connection-recovery.js';
import { wireMeetingBroadcast } from './meeting-broadcast.js';
import { registerMeetingHandlers } from './meeting.handlers.js';
import { registerQuestionHandlers } from './question.handlers.js';
import type { QuestionService } from '../boards/question-service.js';

/** Messages between server instances (through the adapter). */
export interface InterServerEvents {
  'access:revoked': (setId: string, personId: string) => void;
  'session:ended': (sessionKey: string) => void;
  /** A meeting reached `version`; its next tick is due at `dueAt` (null: nothing due). */
  'meeting:rearm': (meetingId: string, version: number, dueAt: number | null) => void;
}

export type AppServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;

/** Largest Socket.IO message accepted; commands are small. */
export const MAX_SOCKET_MESSAGE_BYTES = 64 * 1024;

/** The room holding every connection of one person, on every instance. */
export function personRoom(personId: string): string {
  return `person:${personId}`;
}

/** The room holding the connections of one session (one browser), on every instance. */
export function sessionRoom(sessionKey: string): string {
  return `session:${sessionKey}`;
}

export interface SocketServerDeps {
  httpServer: HttpServer;
  logger: Logger;
  now: () => number;
  services: AccessServices;
  publicUrl: string | undefined;
  adapter?: ServerOptions['adapter'];
  meetings: MeetingService;
  /** Questions put to presenters, written into slot docs by the server. */
  questions: QuestionService;
  /** Copies deferred slots' boards into a newly opened meeting's slots. */
  carrySlotBoards: (slots: readonly Slot[]) => Promise<void>;
  /** Runs meeting ticks when they fall due (timers in production, driven by hand in tests). */
  scheduler: Scheduler;
}

function refusal(code: string, message: string): Error & { data: HandshakeRefusal } {
  const error = new Error(message) as Error & { data: HandshakeRefusal };
  error.data = { code, serverProtocolVersion: PROTOCOL_VERSION };
  return error;
}

export function createSocketServer(deps: SocketServerDeps): {
  io: AppServer;
  meetingClock: MeetingClock;
  /** Broadcasts a change the server stored by itself (a roster sync, M9). */
  publish: PublishChange;
} {
  const io: AppServer = new Server(deps.httpServer, {
    path: SOCKET_IO_PATH,
    serveClient: false,
    maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
    // Other upgrade requests (/yjs) share this HTTP server: leave them alone.
    destroyUpgrade: false,
    allowRequest: (request, callback) => callback(null, isSameOrigin(request, deps.publicUrl)),
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
  });
  io.on('connection', (socket) => {
    const log = deps.logger.child({ socketId: socket.id, personId: socket.data.personId });
    log.debug('socket connected');
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
    });
    registerQuestionHandlers(socket, { ...commandDeps, questions: deps.questions, publish });
    socket.on('disconnect', (reason) => log.debug({ reason }, 'socket disconnected'));
  });
  return { io, meetingClock: clock, publish };
}

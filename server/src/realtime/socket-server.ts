/**
 * The Socket.IO server: typed event maps from `shared/`, a protocol-version check at the
 * handshake, and one `register*Handlers` call per feature.
 */
import type { Server as HttpServer } from 'node:http';
import { Server, type ServerOptions } from 'socket.io';
import {
  HandshakeAuth,
  ErrorCode,
  PROTOCOL_VERSION,
  SOCKET_IO_PATH,
  type ClientToServerEvents,
  type HandshakeRefusal,
  type ServerToClientEvents,
  type SocketData,
} from '@setboard/shared';
import type { Logger } from '../logger.js';
import { registerClockHandlers } from './clock.handlers.js';

export type AppServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

/** Largest Socket.IO message accepted; commands are small. */
export const MAX_SOCKET_MESSAGE_BYTES = 64 * 1024;

export interface SocketServerDeps {
  httpServer: HttpServer;
  logger: Logger;
  now: () => number;
  adapter?: ServerOptions['adapter'];
}

export function createSocketServer(deps: SocketServerDeps): AppServer {
  const io: AppServer = new Server(deps.httpServer, {
    path: SOCKET_IO_PATH,
    serveClient: false,
    maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
    // Other upgrade requests (/yjs) share this HTTP server: leave them alone.
    destroyUpgrade: false,
    ...(deps.adapter ? { adapter: deps.adapter } : {}),
  });
  io.use((socket, next) => {
    const auth = HandshakeAuth.safeParse(socket.handshake.auth);
    if (!auth.success || auth.data.protocolVersion !== PROTOCOL_VERSION) {
      const refusal = new Error('This page is out of date. Please reload it.') as Error & {
        data: HandshakeRefusal;
      };
      refusal.data = { code: ErrorCode.protocolMismatch, serverProtocolVersion: PROTOCOL_VERSION };
      next(refusal);
      return;
    }
    socket.data.protocolVersion = auth.data.protocolVersion;
    next();
  });
  io.on('connection', (socket) => {
    const log = deps.logger.child({ socketId: socket.id });
    log.debug('socket connected');
    registerClockHandlers(socket, { logger: log, now: deps.now });
    socket.on('disconnect', (reason) => log.debug({ reason }, 'socket disconnected'));
  });
  return io;
}

/**
 * A real Socket.IO client, typed with the shared event maps, connected to a test server.
 */
import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  SOCKET_IO_PATH,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@setboard/shared';
import { closeWhenTestEnds } from './cleanup.js';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export function connectSocket(
  serverUrl: string,
  options: {
    as: { cookie: string } | null;
    protocolVersion?: number;
    transports?: Array<'polling' | 'websocket'>;
    origin?: string;
  },
): TestSocket {
  const extraHeaders: Record<string, string> = { origin: options.origin ?? serverUrl };
  if (options.as) extraHeaders.cookie = options.as.cookie;
  const socket: TestSocket = io(serverUrl, {
    path: SOCKET_IO_PATH,
    extraHeaders,
    auth: { protocolVersion: options.protocolVersion ?? PROTOCOL_VERSION },
    transports: options.transports ?? ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  closeWhenTestEnds(() => {
    socket.disconnect();
  });
  return socket;
}

/** Resolves when the socket connects; rejects with the handshake error if it is refused. */
export function waitForConnect(socket: TestSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

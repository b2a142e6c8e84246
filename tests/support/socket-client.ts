/**
 * A real Socket.IO client, typed with the shared event maps, connected to a test server.
 */
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@setboard/shared';
import { closeWhenTestEnds } from './cleanup.js';
import { openSocket, type SocketOptions } from './socket-open.js';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export function connectSocket(serverUrl: string, options: SocketOptions): TestSocket {
  const socket: TestSocket = openSocket(serverUrl, options);
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

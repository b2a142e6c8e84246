/**
 * Opening a Socket.IO connection to Setboard as a page does (its origin, a session cookie, the
 * protocol version), without the test runner: benchmarks open theirs with it too. Tests use
 * `connectSocket` (socket-client.ts), which also closes it when the test ends.
 */
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, SOCKET_IO_PATH } from '@setboard/shared';

export interface SocketOptions {
  as: { cookie: string } | null;
  protocolVersion?: number;
  transports?: Array<'polling' | 'websocket'>;
  origin?: string;
}

export function openSocket(serverUrl: string, options: SocketOptions): Socket {
  const extraHeaders: Record<string, string> = { origin: options.origin ?? serverUrl };
  if (options.as) extraHeaders.cookie = options.as.cookie;
  return io(serverUrl, {
    path: SOCKET_IO_PATH,
    extraHeaders,
    auth: { protocolVersion: options.protocolVersion ?? PROTOCOL_VERSION },
    transports: options.transports ?? ['websocket'],
    reconnection: false,
    forceNew: true,
  });
}

import type { HandshakeRefusal } from '@setboard/shared';
import { type AppSocket, isProtocolMismatch, isUnauthenticated } from './socket';

/** What the Socket.IO connection is doing, in the terms the status line needs. */
export type SocketStatus =
  | { kind: 'connecting' }
  | { kind: 'connected' }
  | { kind: 'offline' }
  | { kind: 'outdated'; serverProtocolVersion?: number }
  /** The server refused the handshake: this browser's session has ended. */
  | { kind: 'signed_out' };

function serverVersionOf(error: Error): number | undefined {
  const data = (error as Error & { data?: Partial<HandshakeRefusal> }).data;
  return typeof data?.serverProtocolVersion === 'number' ? data.serverProtocolVersion : undefined;
}

/**
 * Reports the socket's status now and on every change; returns a function that stops watching.
 * "Outdated" is final: once the server has refused our protocol version nothing reconnects.
 */
export function watchSocketStatus(
  socket: AppSocket,
  onChange: (status: SocketStatus) => void,
): () => void {
  let current: SocketStatus = socket.connected ? { kind: 'connected' } : { kind: 'connecting' };
  const set = (next: SocketStatus): void => {
    if (current.kind === 'outdated') return;
    current = next;
    onChange(next);
  };
  const onConnect = (): void => set({ kind: 'connected' });
  const onDisconnect = (): void => set({ kind: 'offline' });
  const onConnectError = (error: Error): void => {
    if (isProtocolMismatch(error)) {
      const serverProtocolVersion = serverVersionOf(error);
      set(
        serverProtocolVersion === undefined
          ? { kind: 'outdated' }
          : { kind: 'outdated', serverProtocolVersion },
      );
    } else if (isUnauthenticated(error)) {
      set({ kind: 'signed_out' });
    } else {
      set({ kind: 'offline' });
    }
  };
  onChange(current);
  socket.on('connect', onConnect);
  socket.on('disconnect', onDisconnect);
  socket.on('connect_error', onConnectError);
  return () => {
    socket.off('connect', onConnect);
    socket.off('disconnect', onDisconnect);
    socket.off('connect_error', onConnectError);
  };
}

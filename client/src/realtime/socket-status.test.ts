import { ErrorCode, HandshakeErrorCode } from '@setboard/shared';
import { describe, expect, it } from 'vitest';
import type { AppSocket } from './socket';
import { type SocketStatus, watchSocketStatus } from './socket-status';

/** Just enough of a socket to fire the events `watchSocketStatus` listens to. */
function fakeSocket() {
  const handlers = new Map<string, (...args: unknown[]) => void>();
  const socket = {
    connected: false,
    on: (event: string, handler: (...args: unknown[]) => void) => handlers.set(event, handler),
    off: (event: string) => handlers.delete(event),
  };
  const fire = (event: string, ...args: unknown[]): void => handlers.get(event)?.(...args);
  return { socket: socket as unknown as AppSocket, fire, handlers };
}

function refusal(code: string): Error {
  return Object.assign(new Error('refused'), { data: { code } });
}

describe('watchSocketStatus', () => {
  it('reports a refused handshake without a session as signed out, not offline', () => {
    const { socket, fire } = fakeSocket();
    const seen: SocketStatus[] = [];
    watchSocketStatus(socket, (status) => seen.push(status));
    fire('connect_error', refusal(ErrorCode.unauthenticated));
    expect(seen.at(-1)).toEqual({ kind: 'signed_out' });
    fire('connect_error', new Error('xhr poll error'));
    expect(seen.at(-1)).toEqual({ kind: 'offline' });
  });

  it('keeps "outdated" once the server refused the protocol version', () => {
    const { socket, fire } = fakeSocket();
    const seen: SocketStatus[] = [];
    watchSocketStatus(socket, (status) => seen.push(status));
    fire('connect_error', refusal(HandshakeErrorCode.protocolMismatch));
    fire('connect');
    expect(seen.at(-1)).toEqual({ kind: 'outdated' });
  });

  it('stops listening when asked', () => {
    const { socket, handlers } = fakeSocket();
    const stop = watchSocketStatus(socket, () => {});
    stop();
    expect(handlers.size).toBe(0);
  });
});

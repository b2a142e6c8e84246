import {
  type AckResult,
  type ClientToServerEvents,
  type CommandName,
  type CommandPayload,
  type CommandReplies,
  ErrorCode,
  type HandshakeAuth,
  HandshakeErrorCode,
  PROTOCOL_VERSION,
  type ServerToClientEvents,
  SOCKET_IO_PATH,
} from '@setboard/shared';
import { io, type Socket } from 'socket.io-client';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** How long a command waits for its acknowledgement before giving up. */
export const COMMAND_TIMEOUT_MS = 10_000;

/** A command got no acknowledgement in time (offline, or the server is overloaded). */
export class CommandTimeoutError extends Error {
  readonly command: CommandName;
  readonly timeoutMs: number;

  constructor(command: CommandName, timeoutMs: number) {
    super(`No reply to ${command} within ${timeoutMs} ms`);
    this.name = 'CommandTimeoutError';
    this.command = command;
    this.timeoutMs = timeoutMs;
  }
}

/** What a person sees when they act while the page has no connection. */
export const OFFLINE_MESSAGE = 'You’re offline — try again when connected.';

/** A command was not sent: the page has no connection now, and nothing is queued for later. */
export class OfflineError extends Error {
  constructor(readonly command: CommandName) {
    super(OFFLINE_MESSAGE);
    this.name = 'OfflineError';
  }
}

/** The connection dropped after a command was sent and before its answer came back. */
export class ConnectionLostError extends Error {
  constructor(readonly command: CommandName) {
    super('The connection dropped before the server answered.');
    this.name = 'ConnectionLostError';
  }
}

/** A sentence a person can act on for a command that failed without an answer. */
export function describeCommandFailure(error: unknown): string {
  if (error instanceof OfflineError) return OFFLINE_MESSAGE;
  if (error instanceof ConnectionLostError)
    return 'The connection dropped before the server answered. Check whether it happened, then try again if not.';
  if (error instanceof CommandTimeoutError)
    return 'The server did not answer. Check your connection, then try again.';
  return 'Something went wrong. Try again.';
}

function refusalCode(error: Error): unknown {
  const data: unknown = (error as Error & { data?: unknown }).data;
  return typeof data === 'object' && data !== null ? (data as { code?: unknown }).code : undefined;
}

/** Whether a `connect_error` is the server refusing a client built for another protocol. */
export function isProtocolMismatch(error: Error): boolean {
  return refusalCode(error) === HandshakeErrorCode.protocolMismatch;
}

/** Whether a `connect_error` is the server refusing a handshake without a live session. */
export function isUnauthenticated(error: Error): boolean {
  return refusalCode(error) === ErrorCode.unauthenticated;
}

/**
 * Creates the app's Socket.IO connection, not yet connected, so callers can attach listeners
 * (see `watchSocketStatus`) before the first handshake. Call `socket.connect()` when ready.
 */
export function createSocket(url?: string): AppSocket {
  const auth: HandshakeAuth = { protocolVersion: PROTOCOL_VERSION };
  const options = {
    path: SOCKET_IO_PATH,
    auth,
    autoConnect: false,
    // WebSocket only: the /yjs endpoint needs WebSockets anyway, and skipping long-polling means
    // several server instances behind a balancer need no sticky sessions.
    transports: ['websocket'],
  };
  const socket: AppSocket = url === undefined ? io(options) : io(url, options);
  socket.on('connect_error', (error) => {
    // A refused handshake is final (for this build of the page, or until the person signs in
    // again): retrying cannot succeed, so make sure nothing retries (Socket.IO already stops
    // after a middleware refusal; this also covers a refusal that arrives while the manager is
    // reconnecting).
    if (isProtocolMismatch(error) || isUnauthenticated(error)) socket.disconnect();
  });
  return socket;
}

/**
 * Sends a command and resolves with its acknowledgement (`AckResult`), which carries expected
 * failures as values. Without a connection it rejects at once with `OfflineError` (Socket.IO
 * would queue it and send it on reconnecting, long after the person gave up on it); it rejects
 * with `ConnectionLostError` if the connection drops while waiting, and `CommandTimeoutError`
 * when no acknowledgement arrives in time.
 */
export async function sendCommand<N extends CommandName>(
  socket: AppSocket,
  name: N,
  payload: CommandPayload<N>,
  timeoutMs = COMMAND_TIMEOUT_MS,
): Promise<AckResult<CommandReplies[N]>> {
  if (!socket.connected) throw new OfflineError(name);
  let onDisconnect: () => void = () => {};
  const lost = new Promise<never>((_, reject) => {
    onDisconnect = () => reject(new ConnectionLostError(name));
    socket.once('disconnect', onDisconnect);
  });
  try {
    // Widening the name is safe: every command takes (payload, ack) and the reply type is
    // pinned by this function's signature. Socket.IO's types cannot follow a generic name.
    const acked: Promise<AckResult<CommandReplies[N]>> = socket
      .timeout(timeoutMs)
      .emitWithAck(name as CommandName, payload)
      .catch(() => {
        // emitWithAck only rejects when the timeout fires.
        throw new CommandTimeoutError(name, timeoutMs);
      });
    return await Promise.race([acked, lost]);
  } finally {
    socket.off('disconnect', onDisconnect);
  }
}

/**
 * `clock:sync`: lets a client measure how far its clock is from the server's, so countdowns
 * agree on every screen (deadlines in meeting state are absolute server times).
 */
import type { Socket } from 'socket.io';
import { ackOk } from '@setboard/shared';
import { onCommand, type CommandDeps } from './command.js';

export function registerClockHandlers(
  socket: Socket,
  deps: CommandDeps & { now: () => number },
): void {
  onCommand(socket, 'clock:sync', deps, (payload) =>
    ackOk({ clientSentAt: payload.clientSentAt, serverNow: deps.now() }),
  );
}

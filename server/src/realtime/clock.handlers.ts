/**
 * `clock:sync`: lets a client measure how far its clock is from the server's, so countdowns
 * agree on every screen (deadlines in meeting state are absolute server times).
 */
import type { Socket } from 'socket.io';
import { ackOk } from '@setboard/shared';
import type { Logger } from '../logger.js';
import { onCommand } from './command.js';

export function registerClockHandlers(
  socket: Socket,
  deps: { logger: Logger; now: () => number },
): void {
  onCommand(socket, 'clock:sync', deps.logger, (payload) =>
    ackOk({ clientSentAt: payload.clientSentAt, serverNow: deps.now() }),
  );
}

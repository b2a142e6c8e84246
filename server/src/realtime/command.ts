/**
 * Registers a command handler the same way every time: parse the payload with the command's zod
 * schema → run the handler → acknowledge. Expected failures are values (`ackError`); anything
 * thrown is logged once here with context and answered with `internal`.
 */
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import {
  ackError,
  CommandSchemas,
  isSetPolicy,
  policyAllows,
  describeZodIssues,
  ErrorCode,
  type AckResult,
  type CommandName,
  type CommandReplies,
  type SocketData,
} from '@setboard/shared';
import type { Logger } from '../logger.js';
import { CommandPolicies } from './command-policies.js';

export type CommandHandler<N extends CommandName> = (
  payload: z.output<(typeof CommandSchemas)[N]>,
) => Promise<AckResult<CommandReplies[N]>> | AckResult<CommandReplies[N]>;

type Ack<N extends CommandName> = (result: AckResult<CommandReplies[N]>) => void;

export function onCommand<N extends CommandName>(
  socket: Socket,
  name: N,
  logger: Logger,
  handle: CommandHandler<N>,
): void {
  socket.on(name as string, async (payload: unknown, ack: unknown) => {
    if (typeof ack !== 'function') {
      // Every command is acknowledged; one sent without a callback is a client bug.
      logger.warn({ command: name }, 'command sent without an acknowledgement callback');
      return;
    }
    const reply = ack as Ack<N>;
    const policy = CommandPolicies[name];
    // Set-scoped commands (from the meeting issue on) check the set named in their payload.
    const data = socket.data as Partial<SocketData>;
    const actor = data.personId
      ? { personId: data.personId, isOrganiser: data.isOrganiser ?? false }
      : null;
    if (isSetPolicy(policy) || !policyAllows(policy, actor, null)) {
      reply(ackError(ErrorCode.forbidden, 'You do not have permission to do that.'));
      return;
    }
    const parsed = CommandSchemas[name].safeParse(payload);
    if (!parsed.success) {
      reply(
        ackError(
          ErrorCode.validation,
          'The request was not valid.',
          describeZodIssues(parsed.error),
        ),
      );
      return;
    }
    try {
      reply(await handle(parsed.data));
    } catch (error) {
      logger.error({ err: error, command: name }, 'command handler failed');
      reply(ackError(ErrorCode.internal, 'Something went wrong on our side. It has been logged.'));
    }
  });
}

/**
 * Registers a command handler the same way every time: authorise → parse the payload with the
 * command's zod schema → run the handler → acknowledge. Expected failures are values
 * (`ackError`); anything thrown is logged once here with context and answered with `internal`.
 *
 * Set-scoped commands (a set policy) name their set in the payload: `CommandSetScopes` reads it
 * before the payload is fully parsed, so whether someone is refused does not depend on the rest
 * of the payload. A payload that names no set cannot be authorised and is a `validation` error.
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
import { standingIn, type Sets } from '../access/sets.js';
import type { Logger } from '../logger.js';
import { CommandPolicies, CommandSetScopes } from './command-policies.js';

/** Who sent a command and, for set-scoped commands, the set they were authorised for. */
export interface CommandContext {
  actor: { personId: string; isOrganiser: boolean };
  /** Set-scoped commands: the set named in the payload (the actor passed its policy there). */
  setId: string | null;
  /** Runs `task` once the acknowledgement is sent (a broadcast follows the ack, never precedes it). */
  afterAck(task: () => void): void;
}

export type CommandHandler<N extends CommandName> = (
  payload: z.output<(typeof CommandSchemas)[N]>,
  context: CommandContext,
) => Promise<AckResult<CommandReplies[N]>> | AckResult<CommandReplies[N]>;

type Ack<N extends CommandName> = (result: AckResult<CommandReplies[N]>) => void;

export interface CommandDeps {
  logger: Logger;
  sets: Pick<Sets, 'get'>;
}

const forbidden = () =>
  ackError<never>(ErrorCode.forbidden, 'You do not have permission to do that.');

function invalid(name: CommandName, payload: unknown) {
  const parsed = CommandSchemas[name].safeParse(payload);
  const issues = parsed.success ? [] : describeZodIssues(parsed.error);
  return ackError<never>(ErrorCode.validation, 'The request was not valid.', issues);
}

/** The refusal for `actor` sending `name` with `payload`, or the set it is about (if any). */
async function authorise(
  name: CommandName,
  payload: unknown,
  actor: CommandContext['actor'] | null,
  deps: CommandDeps,
): Promise<{ refusal: AckResult<never> } | Pick<CommandContext, 'actor' | 'setId'>> {
  const policy = CommandPolicies[name];
  if (!isSetPolicy(policy)) {
    if (!policyAllows(policy, actor, null) || !actor) return { refusal: forbidden() };
    return { actor, setId: null };
  }
  const scope = CommandSetScopes[name];
  if (!actor) return { refusal: forbidden() };
  if (!scope) {
    deps.logger.error({ command: name }, 'set-scoped command without a set scope');
    return { refusal: forbidden() };
  }
  const setId = scope(payload);
  if (setId === null) return { refusal: invalid(name, payload) };
  const set = await deps.sets.get(setId);
  const standing = set ? standingIn(set, actor.personId) : null;
  if (!policyAllows(policy, actor, standing)) return { refusal: forbidden() };
  return { actor, setId };
}

export function onCommand<N extends CommandName>(
  socket: Socket,
  name: N,
  deps: CommandDeps,
  handle: CommandHandler<N>,
): void {
  socket.on(name as string, async (payload: unknown, ack: unknown) => {
    if (typeof ack !== 'function') {
      // Every command is acknowledged; one sent without a callback is a client bug.
      deps.logger.warn({ command: name }, 'command sent without an acknowledgement callback');
      return;
    }
    const reply = ack as Ack<N>;
    const data = socket.data as Partial<SocketData>;
    const actor = data.personId
      ? { personId: data.personId, isOrganiser: data.isOrganiser ?? false }
      : null;
    try {
      const authorised = await authorise(name, payload, actor, deps);
      if ('refusal' in authorised) {
        reply(authorised.refusal);
        return;
      }
      const parsed = CommandSchemas[name].safeParse(payload);
      if (!parsed.success) {
        reply(invalid(name, payload));
        return;
      }
      const afterAck: Array<() => void> = [];
      const context = { ...authorised, afterAck: (task: () => void) => afterAck.push(task) };
      reply(await handle(parsed.data as z.output<(typeof CommandSchemas)[N]>, context));
      for (const task of afterAck) task();
    } catch (error) {
      deps.logger.error({ err: error, command: name }, 'command handler failed');
      reply(ackError(ErrorCode.internal, 'Something went wrong on our side. It has been logged.'));
    }
  });
}

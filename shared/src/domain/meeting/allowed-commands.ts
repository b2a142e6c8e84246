/**
 * What the client may offer a person now, found by asking the reducer itself, so the controls
 * can never disagree with the rules the server enforces.
 */
import type { Actor } from '../access.js';
import type { MeetingCommand } from './meeting-commands.js';
import type { MeetingErrorCode } from './meeting-errors.js';
import type { MeetingState } from './meeting-state.js';
import { reduceMeeting } from './reducer.js';

/** Whether the reducer would accept `command` from `actor` at `now`, and if not, why. */
export function canIssue(
  command: MeetingCommand,
  state: MeetingState,
  actor: Actor,
  now: number,
): { ok: true } | { ok: false; code: MeetingErrorCode } {
  const result = reduceMeeting(state, command, actor, now);
  return result.ok ? { ok: true } : { ok: false, code: result.code };
}

/** One example of every command a person's controls could send now (one per target person). */
export function probeCommands(state: MeetingState): MeetingCommand[] {
  const people = state.roster.map((entry) => entry.personId);
  const plannedIds = state.slots.filter((slot) => slot.status === 'planned').map((s) => s.id);
  const openSlotIds = state.slots
    .filter((slot) => slot.status === 'planned' || slot.status === 'running')
    .map((slot) => slot.id);
  return [
    { type: 'lobby:open' },
    { type: 'meeting:start' },
    { type: 'meeting:join' },
    { type: 'apologies:send' },
    { type: 'apologies:withdraw' },
    { type: 'stage:advance' },
    { type: 'stage:back' },
    { type: 'timer:pause' },
    { type: 'timer:resume' },
    { type: 'timer:extend', minutes: 1 },
    { type: 'slots:reorder', slotIds: plannedIds },
    ...openSlotIds.map((slotId) => ({ type: 'slot:defer' as const, slotId })),
    { type: 'break:start', minutes: state.timings.breakMinutes },
    ...people.map((personId) => ({ type: 'floor:grant' as const, personId })),
    ...people.map((personId) => ({ type: 'queue:remove' as const, personId })),
    ...people.map((personId) => ({ type: 'facilitation:handover' as const, personId })),
    { type: 'hand:raise' },
    { type: 'hand:lower' },
    { type: 'turn:pass' },
    { type: 'bid:place', synopsis: '', minutes: state.timings.slotMinutes },
    { type: 'bid:withdraw' },
    { type: 'ready:signal' },
    { type: 'presenting:finish' },
    { type: 'offers:choose', optIn: true },
    { type: 'offers:choose', optIn: false },
    { type: 'question:asked' },
  ];
}

/**
 * The commands `actor` may issue now, each with an example payload: the client enables a
 * control when a command of its type (and, for person-targeted ones, that person) is listed.
 */
export function allowedCommands(state: MeetingState, actor: Actor, now: number): MeetingCommand[] {
  return probeCommands(state).filter((command) => canIssue(command, state, actor, now).ok);
}

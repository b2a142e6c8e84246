/**
 * The meeting reducer: `(state, command, actor, now) → result`. Pure and deterministic: time
 * comes only from `now`, nothing is random, and the given state is never changed. A refused
 * command answers with a code and the very state it was given (G2).
 */
import type { Actor } from '../access.js';
import { accrueAirtime, refreshSpeaker } from './airtime.js';
import { placeBid, reorderSlots, withdrawBid } from './bidding.js';
import { checkCommandRule } from './command-rules.js';
import {
  advanceStage,
  deferSlot,
  finishPresenting,
  passTurn,
  returnToPreviousStage,
  startBreak,
} from './flow-commands.js';
import { joinMeeting, openLobby, sendApologies, startMeeting, withdrawApologies } from './lobby.js';
import {
  SERVER_COMMAND_TYPES,
  type MeetingCommand,
  type MeetingCommandType,
} from './meeting-commands.js';
import type { MeetingErrorCode } from './meeting-errors.js';
import type { MeetingEvent } from './meeting-events.js';
import type { MeetingState } from './meeting-state.js';
import { markBack, markLeft } from './presence.js';
import { countQuestion, grantFloor, lowerHand, raiseHand, removeFromQueue } from './queue.js';
import { syncRoster } from './roster.js';
import { chooseOffers, handOverFacilitation, signalReady } from './slot-commands.js';
import { cloneState, type Step, type StepOutcome } from './step.js';
import { extendTime, pauseMeeting, resumeMeeting, tick } from './time-commands.js';

/** What the reducer answers. */
export type MeetingResult =
  | { ok: true; state: MeetingState; events: MeetingEvent[] }
  | { ok: false; code: MeetingErrorCode; state: MeetingState };

type Handler<T extends MeetingCommandType> = (
  step: Step,
  command: Extract<MeetingCommand, { type: T }>,
) => StepOutcome;

const HANDLERS: { [T in MeetingCommandType]: Handler<T> } = {
  'lobby:open': openLobby,
  'meeting:start': (step, command) => startMeeting(step, command.belowQuorumReason),
  'meeting:join': joinMeeting,
  'apologies:send': sendApologies,
  'apologies:withdraw': withdrawApologies,
  'stage:advance': advanceStage,
  'stage:back': returnToPreviousStage,
  'timer:pause': pauseMeeting,
  'timer:resume': resumeMeeting,
  'timer:extend': (step, command) => extendTime(step, command.minutes),
  tick,
  'roster:sync': (step, command) => syncRoster(step, command.roster),
  'slots:reorder': (step, command) => reorderSlots(step, command.slotIds),
  'slot:defer': (step, command) => deferSlot(step, command.slotId),
  'break:start': (step, command) => startBreak(step, command.minutes),
  'floor:grant': (step, command) => grantFloor(step, command.personId),
  'queue:remove': (step, command) => removeFromQueue(step, command.personId),
  'facilitation:handover': (step, command) => handOverFacilitation(step, command.personId),
  'hand:raise': raiseHand,
  'hand:lower': lowerHand,
  'turn:pass': passTurn,
  'bid:place': (step, command) => placeBid(step, command.synopsis, command.minutes),
  'bid:withdraw': withdrawBid,
  'ready:signal': signalReady,
  'presenting:finish': finishPresenting,
  'offers:choose': (step, command) => chooseOffers(step, command.optIn),
  'question:asked': countQuestion,
  'presence:left': (step, command) => markLeft(step, command.personId),
  'presence:back': (step, command) => markBack(step, command.personId),
};

/**
 * Applies `command`, issued by `actor` (null: the server itself, e.g. its clock) at `now`
 * (epoch ms), to `state`. Returns the new state and what happened, or a refusal code.
 */
export function reduceMeeting(
  state: MeetingState,
  command: MeetingCommand,
  actor: Actor,
  now: number,
): MeetingResult {
  const actorId = actor?.personId ?? null;
  const refusal = checkCommandRule(state, command.type, actorId);
  if (refusal) return { ok: false, code: refusal, state };
  const step: Step = { state: cloneState(state), events: [], now, actorId };
  accrueAirtime(step.state, now);
  const handler = HANDLERS[command.type] as Handler<MeetingCommandType>;
  const code = handler(step, command);
  if (code) return { ok: false, code, state };
  // A server command with nothing to do (a tick with nothing due, a roster already in step) is
  // not a change: the server need not store or broadcast anything.
  if (step.events.length === 0 && SERVER_COMMAND_TYPES.includes(command.type))
    return { ok: true, state, events: [] };
  refreshSpeaker(step.state);
  return { ok: true, state: step.state, events: step.events };
}

/**
 * Bidding for airtime, equal time, and the facilitator's order of slots. A bid is a planned
 * slot; under equal time everyone present gets one of the set's standard length and may decline.
 */
import { MeetingErrorCode } from './meeting-errors.js';
import type { MeetingPhase, MeetingState, Slot } from './meeting-state.js';
import { hasJoined, takesPart } from './roles.js';
import type { Step, StepOutcome } from './step.js';

/** Phases in which the plan of slots can still change. */
export const PLANNING_PHASES: readonly MeetingPhase[] = ['bidding', 'slot', 'break'];

function addSlot(state: MeetingState, presenterId: string, synopsis: string, minutes: number) {
  const slot: Slot = {
    id: `${state.meetingId}-s${state.nextSlotNumber}`,
    presenterId,
    synopsis,
    minutes,
    status: 'planned',
    stage: null,
    offersOptIn: false,
    carriedFrom: null,
    cutMinutes: 0,
  };
  state.nextSlotNumber += 1;
  state.slots.push(slot);
  return slot;
}

function plannedSlotOf(state: MeetingState, personId: string): Slot | undefined {
  return state.slots.find((slot) => slot.presenterId === personId && slot.status === 'planned');
}

/** On entering bidding under equal time: a planned slot for everyone present without one. */
export function prepareBidding(state: MeetingState): void {
  if (state.settings.timeAllocation !== 'equal') return;
  for (const { personId } of state.roster) {
    const hasSlot = state.slots.some((slot) => slot.presenterId === personId);
    if (!hasSlot && takesPart(state, personId) && hasJoined(state, personId))
      addSlot(state, personId, '', state.timings.slotMinutes);
  }
}

/** `bid:place`: a new bid, or a change to your bid. Under equal time only the synopsis counts. */
export function placeBid(step: Step, synopsis: string, minutes: number): StepOutcome {
  const { state, actorId } = step;
  if (state.phase !== 'bidding') return MeetingErrorCode.wrongStage;
  if (!actorId || !takesPart(state, actorId)) return MeetingErrorCode.roleNotAllowed;
  const equal = state.settings.timeAllocation === 'equal';
  const wanted = equal ? state.timings.slotMinutes : minutes;
  const existing = plannedSlotOf(state, actorId);
  const slot = existing ?? addSlot(state, actorId, synopsis, wanted);
  slot.synopsis = synopsis;
  slot.minutes = wanted;
  step.events.push({ type: 'bid:placed', slotId: slot.id, personId: actorId });
  return undefined;
}

/** `bid:withdraw`: give up a slot that has not started. */
export function withdrawBid(step: Step): StepOutcome {
  const { state, actorId } = step;
  if (!PLANNING_PHASES.includes(state.phase)) return MeetingErrorCode.wrongStage;
  const slot = actorId ? plannedSlotOf(state, actorId) : undefined;
  if (!slot || !actorId) return MeetingErrorCode.noBid;
  state.slots = state.slots.filter((candidate) => candidate.id !== slot.id);
  step.events.push({ type: 'bid:withdrawn', slotId: slot.id, personId: actorId });
  return undefined;
}

/** `slots:reorder`: the planned slots in a new order; slots under way or done stay first. */
export function reorderSlots(step: Step, slotIds: string[]): StepOutcome {
  const { state } = step;
  if (!PLANNING_PHASES.includes(state.phase)) return MeetingErrorCode.wrongStage;
  const planned = state.slots.filter((slot) => slot.status === 'planned');
  const samePlan =
    slotIds.length === planned.length &&
    new Set(slotIds).size === slotIds.length &&
    planned.every((slot) => slotIds.includes(slot.id));
  if (!samePlan) return MeetingErrorCode.invalidOrder;
  const byId = new Map(planned.map((slot) => [slot.id, slot]));
  const reordered = slotIds.map((id) => byId.get(id)!);
  state.slots = [...state.slots.filter((slot) => slot.status !== 'planned'), ...reordered];
  step.events.push({ type: 'slots:reordered', slotIds });
  return undefined;
}

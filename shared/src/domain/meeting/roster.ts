/**
 * `roster:sync`, the server's own command: the set's membership changed while this meeting was
 * open. Newcomers join the roster (expected; they may still join late). Removed people leave it
 * and lose every place they held: hands, the floor, later turns in a round, planned slots, the
 * slot they were presenting, facilitation. Their attendance stays, for the record.
 */
import { positionAfterSlots } from './agenda.js';
import { moveTo } from './flow.js';
import { MeetingErrorCode } from './meeting-errors.js';
import type { Participant } from './meeting-state.js';
import { dropFacilitatorFromQueue, leaveQueue } from './queue.js';
import { currentPresenterId, currentSlot, isOnRoster } from './roles.js';
import type { Step, StepOutcome } from './step.js';
import { holdTimer } from './timer.js';

/** Hands, the floor, readiness, turns still to come and planned slots of people who left. */
function releasePlaces(step: Step, removed: ReadonlySet<string>): void {
  const { state } = step;
  for (const personId of state.queue.hands.filter((hand) => removed.has(hand)))
    leaveQueue(step, personId);
  const floor = state.queue.floor;
  if (floor && removed.has(floor.personId)) leaveQueue(step, floor.personId);
  state.ready = state.ready.filter((personId) => !removed.has(personId));
  const round = state.round;
  // Turns already taken (and the one under way) stay in the record of the round.
  if (round)
    round.order = round.order.filter((id, index) => index <= round.index || !removed.has(id));
  for (const slot of state.slots.filter((candidate) => candidate.status === 'planned')) {
    if (!removed.has(slot.presenterId)) continue;
    state.slots = state.slots.filter((candidate) => candidate !== slot);
    step.events.push({ type: 'bid:withdrawn', slotId: slot.id, personId: slot.presenterId });
  }
}

/**
 * A presenter who left ends their slot: the meeting goes on to the next slot, or (when the
 * facilitator presents next and must hand over first) to a break.
 */
function endSlotOfLeaver(step: Step, removed: ReadonlySet<string>): StepOutcome {
  const { state } = step;
  const slot = currentSlot(state);
  if (!slot || !removed.has(slot.presenterId)) return undefined;
  slot.status = 'deferred';
  slot.stage = null;
  step.events.push({ type: 'slot:deferred', slotId: slot.id, presenterId: slot.presenterId });
  const options = { recordHistory: false };
  const pause = { phase: 'break' as const, slotId: null, stage: null, turnIndex: null };
  const outcome =
    moveTo(step, positionAfterSlots(state), 'roster', options) &&
    moveTo(step, pause, 'roster', options);
  // During a time out the next stage's clock waits for the facilitator to resume.
  if (!outcome && state.pausedAt !== null && state.timer) holdTimer(state.timer, step.now);
  return outcome;
}

function handOver(step: Step, toId: string): void {
  const { state } = step;
  if (toId === state.actingFacilitatorId) return;
  step.events.push({
    type: 'facilitation:handed_over',
    fromId: state.actingFacilitatorId,
    toId,
  });
  state.actingFacilitatorId = toId;
  state.ready = state.ready.filter((id) => id !== toId);
  dropFacilitatorFromQueue(step);
}

/**
 * The set's facilitator facilitates: a newly appointed one takes over from the one before, and
 * takes back facilitation from someone who left. With nobody appointed, nobody facilitates.
 */
function followFacilitator(step: Step, appointedId: string | null): void {
  const { state } = step;
  const previousId = state.facilitatorId;
  if (appointedId !== null) state.facilitatorId = appointedId;
  const actingLeft = !isOnRoster(state, state.actingFacilitatorId);
  const actingWasAppointed = state.actingFacilitatorId === previousId;
  if (appointedId === null || (!actingLeft && !actingWasAppointed)) return;
  // The presenter never facilitates their own slot; they take over when it ends.
  if (appointedId === currentPresenterId(state)) return;
  handOver(step, appointedId);
}

/** `roster:sync`: the roster becomes the set's active membership `roster`. */
export function syncRoster(step: Step, roster: Participant[]): StepOutcome {
  const { state } = step;
  if (state.phase === 'closed') return MeetingErrorCode.meetingClosed;
  const appointed = roster.filter((entry) => entry.role === 'facilitator');
  if (appointed.length > 1) return MeetingErrorCode.invalidPerson;
  const roles = new Map(roster.map((entry) => [entry.personId, entry.role]));
  const before = new Map(state.roster.map((entry) => [entry.personId, entry.role]));
  const removedIds = new Set([...before.keys()].filter((personId) => !roles.has(personId)));
  const added = roster.filter((entry) => !before.has(entry.personId));
  // Nothing new (no one came, left or changed role): no change, so nothing to store or send.
  const unchanged = roster.every((entry) => before.get(entry.personId) === entry.role);
  if (removedIds.size === 0 && unchanged) return undefined;
  releasePlaces(step, removedIds);
  const outcome = endSlotOfLeaver(step, removedIds);
  if (outcome) return outcome;
  state.roster = [
    ...state.roster
      .filter((entry) => !removedIds.has(entry.personId))
      .map((entry) => ({ personId: entry.personId, role: roles.get(entry.personId)! })),
    ...added,
  ];
  for (const { personId } of added)
    state.attendance[personId] ??= { status: 'expected', joinedAt: null, away: false, gaps: [] };
  followFacilitator(step, appointed[0]?.personId ?? null);
  step.events.push({
    type: 'roster:changed',
    added: added.map((entry) => entry.personId),
    removed: [...removedIds],
  });
  return undefined;
}

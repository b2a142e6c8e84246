/**
 * Moving the meeting from one position to another: leaving and entering slots, starting rounds,
 * resetting the queue and the clock, and keeping the stack that lets the facilitator go back.
 * Every check happens before the first change, so a refused move leaves even the working copy
 * as it was (the strict clock relies on this when it falls back to "time up").
 */
import { durationMsOf, nextPosition, positionOf } from './agenda.js';
import { prepareBidding } from './bidding.js';
import { MeetingErrorCode } from './meeting-errors.js';
import type { MoveCause } from './meeting-events.js';
import type { AgendaPosition, MeetingState } from './meeting-state.js';
import { carriesHands, carryHands, clearQueue } from './queue.js';
import { currentSlot, hasJoined, isLive } from './roles.js';
import { roundOrder, turnHolderId } from './rounds.js';
import type { Step, StepOutcome } from './step.js';
import { startTimer } from './timer.js';

export interface MoveOptions {
  /** Push the position being left, so `stage:back` can return to it. */
  recordHistory: boolean;
  /** A length other than the agenda's (a break the facilitator sized). */
  durationMs?: number;
}

/**
 * Who will facilitate after the move: the appointed facilitator takes over again when the slot
 * they presented ends (they handed facilitation over for that slot only).
 */
function facilitatorAfter(state: MeetingState, target: AgendaPosition): string {
  const leaving = currentSlot(state);
  if (!leaving || leaving.id === target.slotId) return state.actingFacilitatorId;
  const returns =
    leaving.presenterId === state.facilitatorId && hasJoined(state, state.facilitatorId);
  return returns ? state.facilitatorId : state.actingFacilitatorId;
}

function checkMove(state: MeetingState, target: AgendaPosition): StepOutcome {
  if (target.phase !== 'slot') return undefined;
  const slot = state.slots.find((candidate) => candidate.id === target.slotId);
  if (!slot) return MeetingErrorCode.unknownSlot;
  // A facilitator who presents hands facilitation to someone else for their slot.
  if (slot.presenterId === facilitatorAfter(state, target))
    return MeetingErrorCode.handoverRequired;
  return undefined;
}

function leaveSlot(step: Step, target: AgendaPosition): void {
  const { state } = step;
  const slot = currentSlot(state);
  if (!slot) return;
  if (slot.status === 'running') slot.status = 'complete';
  const facilitatorId = facilitatorAfter(state, target);
  if (facilitatorId !== state.actingFacilitatorId) {
    step.events.push({
      type: 'facilitation:handed_over',
      fromId: state.actingFacilitatorId,
      toId: facilitatorId,
    });
    state.actingFacilitatorId = facilitatorId;
  }
}

function enterSlot(state: MeetingState, target: AgendaPosition): void {
  const slot = state.slots.find((candidate) => candidate.id === target.slotId);
  if (!slot) return;
  slot.status = 'running';
  slot.stage = target.stage;
}

function enterRound(state: MeetingState, target: AgendaPosition, samePhase: boolean): void {
  if (target.turnIndex === null) {
    state.round = null;
  } else if (state.round && samePhase) {
    state.round.index = target.turnIndex;
  } else {
    const order = roundOrder(state);
    state.round = { order, index: Math.min(target.turnIndex, Math.max(0, order.length - 1)) };
  }
}

function closeMeeting(step: Step): void {
  const { state } = step;
  for (const entry of Object.values(state.attendance)) {
    if (entry.status === 'expected') entry.status = 'absent';
  }
  // Slots that did not get their time are carried to the next meeting.
  for (const slot of state.slots) {
    if (slot.status === 'planned') slot.status = 'deferred';
  }
  state.closedAt = step.now;
  state.timer = null;
  state.history = [];
  step.events.push({ type: 'meeting:closed' });
}

function recordHistory(state: MeetingState, before: AgendaPosition, options: MoveOptions): void {
  // Going back never crosses into another slot: that slot's record may already be kept.
  if (before.slotId !== state.currentSlotId) state.history = [];
  // Nothing returns to the lobby: the start is not a stage to undo.
  else if (options.recordHistory && before.phase !== 'lobby') state.history.push(before);
}

/** Moves the meeting to `target`, or refuses without changing anything. */
export function moveTo(
  step: Step,
  target: AgendaPosition,
  cause: MoveCause,
  options: MoveOptions,
): StepOutcome {
  const { state } = step;
  const refusal = checkMove(state, target);
  if (refusal) return refusal;
  const before = positionOf(state);
  if (before.slotId !== null && before.slotId !== target.slotId) leaveSlot(step, target);
  state.phase = target.phase;
  state.currentSlotId = target.slotId;
  enterSlot(state, target);
  enterRound(state, target, before.phase === target.phase);
  if (target.phase === 'bidding') prepareBidding(state);
  const keepHands = before.slotId === target.slotId && carriesHands(before.stage, target.stage);
  clearQueue(step, keepHands);
  // "Spoken least" counts within a slot, or within one of the set's open discussions.
  if (before.slotId !== target.slotId || (target.phase !== 'slot' && before.phase !== target.phase))
    state.queue.turnsHere = {};
  state.ready = [];
  startTimer(state, options.durationMs ?? durationMsOf(state, target), step.now);
  recordHistory(state, before, options);
  step.events.push({
    type: 'position:changed',
    ...target,
    turnHolderId: turnHolderId(state),
    cause,
  });
  if (keepHands) carryHands(step);
  if (target.phase === 'closed') closeMeeting(step);
  return undefined;
}

/** Moves to the next turn, stage, slot or phase. */
export function advance(step: Step, cause: MoveCause): StepOutcome {
  if (!isLive(step.state)) return MeetingErrorCode.wrongStage;
  const target = nextPosition(step.state);
  if (!target) return MeetingErrorCode.wrongStage;
  return moveTo(step, target, cause, { recordHistory: true });
}

/** Returns to the previous turn or stage (within the current slot, or before the slots). */
export function goBack(step: Step): StepOutcome {
  if (!isLive(step.state)) return MeetingErrorCode.wrongStage;
  const target = step.state.history.at(-1);
  if (!target) return MeetingErrorCode.nothingToGoBackTo;
  const outcome = moveTo(step, target, 'facilitator', { recordHistory: false });
  if (!outcome) step.state.history.pop();
  return outcome;
}

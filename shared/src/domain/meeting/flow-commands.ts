/** Commands that move the meeting along: advance, back, finish presenting, pass, break, defer. */
import { positionAfterSlots } from './agenda.js';
import { PLANNING_PHASES } from './bidding.js';
import { advance, goBack, moveTo } from './flow.js';
import { MeetingErrorCode } from './meeting-errors.js';
import { passFloor, queueIsOpen } from './queue.js';
import { currentSlot } from './roles.js';
import { ROUND_PHASES, turnHolderId } from './rounds.js';
import type { Step, StepOutcome } from './step.js';
import { minutesToMs } from './timings.js';

/** `stage:advance`: the facilitator moves on. */
export function advanceStage(step: Step): StepOutcome {
  return advance(step, 'facilitator');
}

/** `stage:back`: the facilitator returns to the previous turn or stage. */
export function returnToPreviousStage(step: Step): StepOutcome {
  return goBack(step);
}

/** `presenting:finish`: the presenter has said what they came to say. */
export function finishPresenting(step: Step): StepOutcome {
  if (currentSlot(step.state)?.stage !== 'presenting') return MeetingErrorCode.wrongStage;
  return advance(step, 'presenter');
}

/** `turn:pass`: end your turn in a round, or give up the floor. */
export function passTurn(step: Step): StepOutcome {
  const { state } = step;
  if (ROUND_PHASES.includes(state.phase)) {
    if (turnHolderId(state) !== step.actorId) return MeetingErrorCode.notYourTurn;
    return advance(step, 'member');
  }
  if (!queueIsOpen(state)) return MeetingErrorCode.wrongStage;
  return passFloor(step);
}

/** `break:start`: a break between slots, once the current one is complete. */
export function startBreak(step: Step, minutes: number): StepOutcome {
  if (currentSlot(step.state)?.stage !== 'complete') return MeetingErrorCode.wrongStage;
  const target = { phase: 'break' as const, slotId: null, stage: null, turnIndex: null };
  const outcome = moveTo(step, target, 'facilitator', {
    recordHistory: false,
    durationMs: minutesToMs(minutes),
  });
  if (!outcome) step.events.push({ type: 'break:started', minutes });
  return outcome;
}

/** `slot:defer`: carry a slot to the next meeting; deferring the slot under way moves on. */
export function deferSlot(step: Step, slotId: string): StepOutcome {
  const { state } = step;
  if (!PLANNING_PHASES.includes(state.phase)) return MeetingErrorCode.wrongStage;
  const slot = state.slots.find((candidate) => candidate.id === slotId);
  if (!slot) return MeetingErrorCode.unknownSlot;
  const finished =
    slot.status === 'complete' || slot.status === 'deferred' || slot.stage === 'complete';
  if (finished) return MeetingErrorCode.slotFinished;
  const wasRunning = slot.status === 'running';
  slot.status = 'deferred';
  slot.stage = null;
  step.events.push({ type: 'slot:deferred', slotId, presenterId: slot.presenterId });
  if (!wasRunning) return undefined;
  return moveTo(step, positionAfterSlots(state), 'facilitator', { recordHistory: false });
}

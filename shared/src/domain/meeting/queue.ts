/**
 * The speaking queue and the floor. Raised hands wait in order, but whoever has held the floor
 * least in this slot goes first, so quieter members are drawn in. In the question stages, under
 * the set's `floor` queue the floor holder may put one question and one follow-up, then the
 * floor passes on by itself; under an `open` queue anyone present who may hold the floor asks,
 * with no limit, and hands are only a courtesy queue.
 */
import { MeetingErrorCode } from './meeting-errors.js';
import type { MeetingState, SlotStage } from './meeting-state.js';
import { currentPresenterId, currentSlot, hasJoined, isOnRoster } from './roles.js';
import type { Step, StepOutcome } from './step.js';

/** Slot stages where members queue to speak. Presenting is uninterrupted; feedback is the presenter's. */
export const QUEUE_STAGES: readonly SlotStage[] = [
  'clarifying',
  'exploring',
  'reflecting_back',
  'offers',
  'action_planning',
];
/** Slot stages where members put questions, counted toward the floor holder's limit. */
export const QUESTION_STAGES: readonly SlotStage[] = ['clarifying', 'exploring', 'action_planning'];
/** Under the `floor` queue: one question and one follow-up, then the floor passes to the next hand. */
export const QUESTIONS_PER_FLOOR = 2;

/** Whether hands may be raised now: the set's open discussions and the questioning stages. */
export function queueIsOpen(state: MeetingState): boolean {
  if (['contracting', 'objectives', 'process_review'].includes(state.phase)) return true;
  const stage = currentSlot(state)?.stage;
  return stage !== undefined && stage !== null && QUEUE_STAGES.includes(stage);
}

/** Whether the person may hold the floor: present, not presenting, not facilitating (usually). */
export function mayHoldFloor(state: MeetingState, personId: string): boolean {
  if (!isOnRoster(state, personId) || !hasJoined(state, personId)) return false;
  // Someone whose connection has gone (M13) cannot answer if given the floor.
  if (state.attendance[personId]?.away === true) return false;
  if (personId === currentPresenterId(state)) return false;
  return personId !== state.actingFacilitatorId || state.settings.facilitatorAsksContentQuestions;
}

/**
 * Drops the floor and (unless `keepHands`) the raised hands, as every change of stage or turn
 * does. Clarifying turning into exploring keeps the hands (`carryHands`): the same people still
 * want to ask, and nobody should have to notice their hand went down.
 */
export function clearQueue(step: Step, keepHands = false): void {
  const { queue } = step.state;
  if (queue.floor) step.events.push({ type: 'floor:released', personId: queue.floor.personId });
  queue.floor = null;
  if (!keepHands) queue.hands = [];
}

/** Whether a move from `from` to `to` (in the same slot) carries raised hands over. */
export function carriesHands(from: SlotStage | null, to: SlotStage | null): boolean {
  return from === 'clarifying' && to === 'exploring';
}

/** After a move that kept the hands: say so, and give the free floor to the next hand. */
export function carryHands(step: Step): void {
  const { hands } = step.state.queue;
  if (hands.length === 0) return;
  step.events.push({ type: 'hands:carried', personIds: [...hands] });
  offerFloor(step);
}

/** Gives the floor to `personId`, counting it as one of their turns here. */
function giveFloor(step: Step, personId: string): void {
  const { queue } = step.state;
  queue.hands = queue.hands.filter((hand) => hand !== personId);
  queue.floor = { personId, questions: 0 };
  queue.turnsHere[personId] = (queue.turnsHere[personId] ?? 0) + 1;
  step.events.push({ type: 'floor:granted', personId });
}

/** The next hand: fewest turns here first, then whoever raised first. */
export function nextHand(state: MeetingState): string | null {
  const { hands, turnsHere } = state.queue;
  let best: string | null = null;
  for (const hand of hands) {
    if (best === null || (turnsHere[hand] ?? 0) < (turnsHere[best] ?? 0)) best = hand;
  }
  return best;
}

/** Passes a free floor to the next hand, if any. */
function offerFloor(step: Step): void {
  if (step.state.queue.floor) return;
  const next = nextHand(step.state);
  if (next !== null) giveFloor(step, next);
}

/** Ends the current floor holder's turn and passes the floor on. */
function releaseFloor(step: Step): void {
  const floor = step.state.queue.floor;
  if (!floor) return;
  step.state.queue.floor = null;
  step.events.push({ type: 'floor:released', personId: floor.personId });
  offerFloor(step);
}

/** `hand:raise`: joins the queue; a free floor goes straight to the first hand. */
export function raiseHand(step: Step): StepOutcome {
  const { state, actorId } = step;
  if (!queueIsOpen(state)) return MeetingErrorCode.wrongStage;
  if (!actorId || !mayHoldFloor(state, actorId)) return MeetingErrorCode.roleNotAllowed;
  if (state.queue.hands.includes(actorId) || state.queue.floor?.personId === actorId)
    return MeetingErrorCode.alreadyRaised;
  state.queue.hands.push(actorId);
  step.events.push({ type: 'hand:raised', personId: actorId });
  offerFloor(step);
  return undefined;
}

/** Takes `personId` off the queue, or off the floor (which then passes on). */
export function leaveQueue(step: Step, personId: string): StepOutcome {
  const { queue } = step.state;
  if (queue.floor?.personId === personId) {
    releaseFloor(step);
    return undefined;
  }
  if (!queue.hands.includes(personId)) return MeetingErrorCode.handNotRaised;
  queue.hands = queue.hands.filter((hand) => hand !== personId);
  step.events.push({ type: 'hand:lowered', personId });
  return undefined;
}

/** `hand:lower`: leaves the queue, or gives up the floor. */
export function lowerHand(step: Step): StepOutcome {
  if (!queueIsOpen(step.state)) return MeetingErrorCode.wrongStage;
  return leaveQueue(step, step.actorId ?? '');
}

/** `turn:pass` outside a round: the floor holder gives up the floor. */
export function passFloor(step: Step): StepOutcome {
  if (step.state.queue.floor?.personId !== step.actorId) return MeetingErrorCode.notYourTurn;
  releaseFloor(step);
  return undefined;
}

/** `queue:remove`: the facilitator takes someone off the queue or the floor. */
export function removeFromQueue(step: Step, personId: string): StepOutcome {
  if (!queueIsOpen(step.state)) return MeetingErrorCode.wrongStage;
  return leaveQueue(step, personId);
}

/** `floor:grant`: the facilitator gives someone the floor directly. */
export function grantFloor(step: Step, personId: string): StepOutcome {
  const { state } = step;
  if (!queueIsOpen(state)) return MeetingErrorCode.wrongStage;
  if (!mayHoldFloor(state, personId)) return MeetingErrorCode.invalidPerson;
  const floor = state.queue.floor;
  if (floor?.personId === personId) return MeetingErrorCode.alreadyHasFloor;
  if (floor) step.events.push({ type: 'floor:released', personId: floor.personId });
  giveFloor(step, personId);
  return undefined;
}

/**
 * `question:asked`: a question was put. Under the `floor` queue only the floor holder asks, and
 * their second question passes the floor on. Under the `open` queue anyone who may hold the
 * floor asks; a floor holder's questions are still counted, but the floor stays with them.
 */
export function countQuestion(step: Step): StepOutcome {
  const { state, actorId } = step;
  const stage = currentSlot(state)?.stage;
  if (!stage || !QUESTION_STAGES.includes(stage)) return MeetingErrorCode.wrongStage;
  if (!actorId) return MeetingErrorCode.notAMember;
  const floor = state.queue.floor;
  const holdsFloor = floor?.personId === actorId;
  if (state.settings.queue === 'open') {
    if (!mayHoldFloor(state, actorId)) return MeetingErrorCode.roleNotAllowed;
  } else if (!holdsFloor) {
    return MeetingErrorCode.notYourTurn;
  }
  if (floor && holdsFloor) floor.questions += 1;
  state.questionsAsked += 1;
  const questions = floor && holdsFloor ? floor.questions : null;
  step.events.push({ type: 'question:counted', personId: actorId, questions });
  if (state.settings.queue === 'floor' && questions !== null && questions >= QUESTIONS_PER_FLOOR)
    releaseFloor(step);
  return undefined;
}

/** A new facilitator leaves the queue, unless the set lets the facilitator ask questions. */
export function dropFacilitatorFromQueue(step: Step): void {
  const { state } = step;
  const facilitatorId = state.actingFacilitatorId;
  if (state.settings.facilitatorAsksContentQuestions) return;
  if (state.queue.floor?.personId === facilitatorId || state.queue.hands.includes(facilitatorId))
    leaveQueue(step, facilitatorId);
}

/** The presenter's choices, handing facilitation over, and "ready to move on". */
import { MeetingErrorCode } from './meeting-errors.js';
import type { SlotStage } from './meeting-state.js';
import { dropFacilitatorFromQueue } from './queue.js';
import { currentPresenterId, currentSlot, hasJoined, isLive, isOnRoster } from './roles.js';
import type { Step, StepOutcome } from './step.js';

/** The presenter may choose an offers round until the reflections are done. */
const OFFERS_CHOICE_STAGES: readonly SlotStage[] = [
  'contracting',
  'presenting',
  'clarifying',
  'exploring',
  'reflecting_back',
];

/** `offers:choose`: the presenter opts in to an offers round, or out of it. */
export function chooseOffers(step: Step, optIn: boolean): StepOutcome {
  const { state } = step;
  const slot = currentSlot(state);
  if (!slot?.stage || !OFFERS_CHOICE_STAGES.includes(slot.stage))
    return MeetingErrorCode.wrongStage;
  if (state.settings.advicePolicy !== 'offers_round_if_presenter_opts_in')
    return MeetingErrorCode.offersNotAllowed;
  slot.offersOptIn = optIn;
  step.events.push({ type: 'offers:chosen', optIn });
  return undefined;
}

/**
 * `facilitation:handover`: the facilitator hands over to someone present (before presenting,
 * say), or the appointed facilitator takes it back. The presenter never facilitates their slot.
 */
export function handOverFacilitation(step: Step, personId: string): StepOutcome {
  const { state } = step;
  if (state.phase === 'scheduled') return MeetingErrorCode.wrongStage;
  if (!isOnRoster(state, personId) || !hasJoined(state, personId))
    return MeetingErrorCode.invalidPerson;
  if (personId === state.actingFacilitatorId) return MeetingErrorCode.invalidPerson;
  if (personId === currentPresenterId(state)) return MeetingErrorCode.facilitatorPresenting;
  step.events.push({
    type: 'facilitation:handed_over',
    fromId: state.actingFacilitatorId,
    toId: personId,
  });
  state.actingFacilitatorId = personId;
  state.ready = state.ready.filter((id) => id !== personId);
  dropFacilitatorFromQueue(step);
  return undefined;
}

/** `ready:signal`: a member is ready to move on from the current stage. */
export function signalReady(step: Step): StepOutcome {
  const { state, actorId } = step;
  if (!isLive(state)) return MeetingErrorCode.wrongStage;
  if (!actorId) return MeetingErrorCode.notAMember;
  if (state.ready.includes(actorId)) return MeetingErrorCode.alreadyReady;
  state.ready.push(actorId);
  step.events.push({ type: 'ready:signalled', personId: actorId });
  return undefined;
}

/**
 * The agenda as a sequence of positions: what follows each phase, stage and turn, and how long
 * each lasts. Pure lookups; `flow.ts` moves the meeting along them.
 */
import {
  SlotStage,
  type AgendaPosition,
  type MeetingPhase,
  type MeetingState,
  type Slot,
} from './meeting-state.js';
import { currentSlot, hasJoined } from './roles.js';
import { roundOrder } from './rounds.js';
import { minutesToMs } from './timings.js';

/** Slot stages in order; `offers` is skipped unless the set allows it and the presenter opted in. */
export const SLOT_STAGES: readonly SlotStage[] = SlotStage.options;

const at = (phase: MeetingPhase, turnIndex: number | null = null): AgendaPosition => ({
  phase,
  slotId: null,
  stage: null,
  turnIndex,
});

/** Where the meeting is now. */
export function positionOf(state: MeetingState): AgendaPosition {
  const slot = currentSlot(state);
  return {
    phase: state.phase,
    slotId: slot?.id ?? null,
    stage: slot?.stage ?? null,
    turnIndex: state.round?.index ?? null,
  };
}

/** Whether this slot includes an offers round. */
export function offersRoundApplies(state: MeetingState, slot: Slot): boolean {
  return state.settings.advicePolicy === 'offers_round_if_presenter_opts_in' && slot.offersOptIn;
}

function nextStage(state: MeetingState, slot: Slot): SlotStage | null {
  const stages = SLOT_STAGES.filter(
    (stage) => stage !== 'offers' || offersRoundApplies(state, slot),
  );
  const index = stages.indexOf(slot.stage ?? 'complete');
  return stages[index + 1] ?? null;
}

function nextSlotOrReview(state: MeetingState): AgendaPosition {
  // A presenter who is not here keeps their slot planned; the close carries it over.
  const planned = state.slots.find(
    (slot) => slot.status === 'planned' && hasJoined(state, slot.presenterId),
  );
  if (!planned) return at('process_review');
  return { phase: 'slot', slotId: planned.id, stage: 'contracting', turnIndex: null };
}

function afterRound(state: MeetingState, phase: MeetingPhase): AgendaPosition {
  if (phase === 'expectations_round') return at('objectives');
  // Meeting 2 confirms the objectives drafted at meeting 1.
  return state.meetingNumber === 2 ? at('objectives') : at('bidding');
}

/** A round starts at the first turn; with nobody to take one, the meeting goes past it. */
function roundStart(state: MeetingState, phase: MeetingPhase): AgendaPosition {
  return roundOrder(state).length > 0 ? at(phase, 0) : afterRound(state, phase);
}

/** The position after the current one, or null when nothing follows (not started, closed). */
export function nextPosition(state: MeetingState): AgendaPosition | null {
  const round = state.round;
  switch (state.phase) {
    case 'opening':
      return state.meetingNumber === 1 ? at('contracting') : roundStart(state, 'check_in');
    case 'contracting':
      return roundStart(state, 'expectations_round');
    case 'expectations_round':
    case 'check_in':
      if (round && round.index + 1 < round.order.length) return at(state.phase, round.index + 1);
      return afterRound(state, state.phase);
    case 'objectives':
      return at('bidding');
    case 'slot': {
      const slot = currentSlot(state);
      const stage = slot ? nextStage(state, slot) : null;
      if (slot && stage) return { ...positionOf(state), stage };
      return nextSlotOrReview(state);
    }
    case 'bidding':
    case 'break':
      return nextSlotOrReview(state);
    case 'process_review':
      return at('closing');
    case 'closing':
      return at('closed');
    default:
      return null;
  }
}

/** The next planned slot (after a break or a deferral), or the process review. */
export function positionAfterSlots(state: MeetingState): AgendaPosition {
  return nextSlotOrReview(state);
}

/** How long a position lasts (ms), or null when it is untimed (a finished slot, closed). */
export function durationMsOf(state: MeetingState, position: AgendaPosition): number | null {
  const t = state.timings;
  switch (position.phase) {
    case 'opening':
      return minutesToMs(t.openingMinutes);
    case 'contracting':
      return minutesToMs(t.contractingMinutes);
    case 'expectations_round':
      return minutesToMs(t.expectationsTurnMinutes);
    case 'objectives':
      return minutesToMs(t.objectivesMinutes);
    case 'check_in':
      return minutesToMs(t.checkInTurnMinutes);
    case 'bidding':
      return minutesToMs(t.biddingMinutes);
    case 'slot':
      return slotStageMs(state, position);
    case 'break':
      return minutesToMs(t.breakMinutes);
    case 'process_review':
      return minutesToMs(t.processReviewMinutes);
    case 'closing':
      return minutesToMs(t.closingMinutes);
    default:
      return null;
  }
}

/** A stage's share of its slot: the default minutes, scaled to the slot's length. */
function slotStageMs(state: MeetingState, position: AgendaPosition): number | null {
  const slot = state.slots.find((candidate) => candidate.id === position.slotId);
  if (!slot || !position.stage || position.stage === 'complete') return null;
  const scale = state.timings.slotMinutes > 0 ? slot.minutes / state.timings.slotMinutes : 1;
  return minutesToMs(state.timings.slotStages[position.stage] * scale);
}

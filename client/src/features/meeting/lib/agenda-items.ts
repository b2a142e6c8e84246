/**
 * The agenda as a list to show: the meeting's phases in order, with each slot and, for the
 * slot under way, its stages. The current item is marked so the page can set `aria-current`.
 */
import {
  type MeetingPhase,
  type MeetingState,
  SLOT_STAGES,
  type SlotStage,
  offersRoundApplies,
} from '@setboard/shared';
import { PHASE_LABELS, STAGE_LABELS } from '../../../live-meeting/meeting-labels';

export interface AgendaItem {
  key: string;
  label: string;
  current: boolean;
  /** The stages of a slot (only listed for the slot under way). */
  stages?: { stage: SlotStage; label: string; current: boolean }[];
}

function phasesBeforeSlots(state: MeetingState): MeetingPhase[] {
  if (state.meetingNumber === 1) {
    return ['opening', 'contracting', 'expectations_round', 'objectives', 'bidding'];
  }
  // Meeting 2 confirms the objectives drafted at meeting 1.
  return state.meetingNumber === 2
    ? ['opening', 'check_in', 'objectives', 'bidding']
    : ['opening', 'check_in', 'bidding'];
}

function phaseItem(state: MeetingState, phase: MeetingPhase): AgendaItem {
  return { key: phase, label: PHASE_LABELS[phase], current: state.phase === phase };
}

function slotItems(state: MeetingState, presenterName: (id: string) => string): AgendaItem[] {
  return state.slots
    .filter((slot) => slot.status !== 'deferred')
    .map((slot) => {
      const running = state.phase === 'slot' && state.currentSlotId === slot.id;
      const item: AgendaItem = {
        key: `slot-${slot.id}`,
        label: `Slot: ${presenterName(slot.presenterId)} presents${slot.synopsis ? ` – ${slot.synopsis}` : ''}`,
        current: running,
      };
      if (running) {
        item.stages = SLOT_STAGES.filter(
          (stage) =>
            stage !== 'complete' && (stage !== 'offers' || offersRoundApplies(state, slot)),
        ).map((stage) => ({ stage, label: STAGE_LABELS[stage], current: slot.stage === stage }));
      }
      return item;
    });
}

/** Everything on the agenda, in order, with the current item marked. */
export function agendaItems(
  state: MeetingState,
  presenterName: (id: string) => string,
): AgendaItem[] {
  const items: AgendaItem[] = [phaseItem(state, 'lobby')];
  items.push(...phasesBeforeSlots(state).map((phase) => phaseItem(state, phase)));
  items.push(...slotItems(state, presenterName));
  if (state.phase === 'break') items.push(phaseItem(state, 'break'));
  items.push(...(['process_review', 'closing'] as const).map((phase) => phaseItem(state, phase)));
  return items;
}

/** What is happening now, in a few words: "Presenter slot: Clarifying questions". */
export function currentStageLabel(state: MeetingState): string {
  if (state.phase !== 'slot') return PHASE_LABELS[state.phase];
  const slot = state.slots.find((candidate) => candidate.id === state.currentSlotId);
  return slot?.stage ? `${PHASE_LABELS.slot}: ${STAGE_LABELS[slot.stage]}` : PHASE_LABELS.slot;
}

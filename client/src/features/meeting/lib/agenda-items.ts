/**
 * The agenda as a list to show: the meeting's phases in order, with each slot and, for the
 * slot under way, its stages. The current item is marked so the page can set `aria-current`.
 */
import {
  type MeetingPhase,
  type MeetingSchedule,
  type MeetingState,
  SLOT_STAGES,
  type SlotStage,
  offersRoundApplies,
} from '@setboard/shared';
import { PHASE_LABELS, STAGE_LABELS } from '../../../live-meeting/meeting-labels';

export interface AgendaItem {
  key: string;
  label: string;
  /** The planned clock time it starts ("10:35", London time), when the plan is known. */
  at?: string;
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

const LONDON_CLOCK = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Europe/London',
});

/** A moment as the set's clock shows it: "10:35" (meetings are planned in London time). */
export function londonClock(epochMs: number): string {
  return LONDON_CLOCK.format(new Date(epochMs));
}

/** Everything on the agenda, in order, with the current item marked and, given, its time. */
export function agendaItems(
  state: MeetingState,
  presenterName: (id: string) => string,
  schedule?: MeetingSchedule,
): AgendaItem[] {
  const items: AgendaItem[] = [phaseItem(state, 'lobby')];
  items.push(...phasesBeforeSlots(state).map((phase) => phaseItem(state, phase)));
  items.push(...slotItems(state, presenterName));
  if (state.phase === 'break') items.push(phaseItem(state, 'break'));
  items.push(...(['process_review', 'closing'] as const).map((phase) => phaseItem(state, phase)));
  if (!schedule) return items;
  const times = new Map(schedule.parts.map((part) => [part.key, part.startsAt]));
  return items.map((item) => {
    const key = item.key.startsWith('slot-') ? `slot:${item.key.slice(5)}` : `phase:${item.key}`;
    const startsAt = times.get(key);
    return startsAt === undefined ? item : { ...item, at: londonClock(startsAt) };
  });
}

/** A warning when the planned parts do not fit the meeting's planned length, or null. */
export function scheduleWarning(schedule: MeetingSchedule, plannedEnd: string): string | null {
  if (schedule.overByMinutes === 0) return null;
  const minutes = schedule.overByMinutes === 1 ? '1 minute' : `${schedule.overByMinutes} minutes`;
  return `The plan runs ${minutes} past the planned end (${plannedEnd}), breaks not counted. Shorten a slot or defer one.`;
}

/** What is happening now, in a few words: "Presenter slot: Clarifying questions". */
export function currentStageLabel(state: MeetingState): string {
  if (state.phase !== 'slot') return PHASE_LABELS[state.phase];
  const slot = state.slots.find((candidate) => candidate.id === state.currentSlotId);
  return slot?.stage ? `${PHASE_LABELS.slot}: ${STAGE_LABELS[slot.stage]}` : PHASE_LABELS.slot;
}

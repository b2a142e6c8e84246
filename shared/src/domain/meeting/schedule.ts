/**
 * The agenda against the clock: when each part is planned to start, from the meeting's planned
 * start, and whether the planned parts fit before its planned end. Breaks are not planned (the
 * facilitator sizes them), so the plan is the least the meeting needs.
 */
import type { MeetingPhase, MeetingState } from './meeting-state.js';
import { takesPart } from './roles.js';
import { MS_PER_MINUTE, minutesToMs } from './timings.js';

export interface ScheduledPart {
  /** `phase:<phase>` or `slot:<slotId>`. */
  key: string;
  phase: MeetingPhase;
  slotId: string | null;
  startsAt: number;
  minutes: number;
}

export interface MeetingSchedule {
  parts: ScheduledPart[];
  /** When the last planned part ends, overrun included. */
  endsAt: number;
  /** Whole minutes the plan runs past the planned end (0 when it fits). */
  overByMinutes: number;
}

/** The meeting's planned start (the lobby opens `lobbyMinutesBefore` it). */
export function plannedStartOf(state: MeetingState): number {
  return state.lobbyOpensAt + minutesToMs(state.timings.lobbyMinutesBefore);
}

function phasesBeforeSlots(state: MeetingState): MeetingPhase[] {
  if (state.meetingNumber === 1)
    return ['opening', 'contracting', 'expectations_round', 'objectives', 'bidding'];
  return state.meetingNumber === 2
    ? ['opening', 'check_in', 'objectives', 'bidding']
    : ['opening', 'check_in', 'bidding'];
}

/** Minutes a phase outside the slots is planned to take (rounds: a turn for each member). */
function phaseMinutes(state: MeetingState, phase: MeetingPhase): number {
  const t = state.timings;
  const turns = state.roster.filter((entry) => takesPart(state, entry.personId)).length;
  const minutes: Partial<Record<MeetingPhase, number>> = {
    opening: t.openingMinutes,
    contracting: t.contractingMinutes,
    expectations_round: t.expectationsTurnMinutes * turns,
    objectives: t.objectivesMinutes,
    check_in: t.checkInTurnMinutes * turns,
    bidding: t.biddingMinutes,
    process_review: t.processReviewMinutes,
    closing: t.closingMinutes,
  };
  return minutes[phase] ?? 0;
}

/**
 * The planned parts in order with their start times, from the planned start to the closing,
 * against `plannedEndAt` (epoch ms). Deferred slots are left out; the overrun the facilitator
 * has allowed (`overrunMinutes`) is added at the end.
 */
export function meetingSchedule(state: MeetingState, plannedEndAt: number): MeetingSchedule {
  const parts: ScheduledPart[] = [];
  let at = plannedStartOf(state);
  const add = (key: string, phase: MeetingPhase, slotId: string | null, minutes: number) => {
    parts.push({ key, phase, slotId, startsAt: at, minutes });
    at += minutesToMs(minutes);
  };
  for (const phase of phasesBeforeSlots(state))
    add(`phase:${phase}`, phase, null, phaseMinutes(state, phase));
  for (const slot of state.slots.filter((candidate) => candidate.status !== 'deferred'))
    add(`slot:${slot.id}`, 'slot', slot.id, slot.minutes);
  for (const phase of ['process_review', 'closing'] as const)
    add(`phase:${phase}`, phase, null, phaseMinutes(state, phase));
  const endsAt = at + minutesToMs(state.overrunMinutes);
  const overByMinutes = Math.max(0, Math.ceil((endsAt - plannedEndAt) / MS_PER_MINUTE));
  return { parts, endsAt, overByMinutes };
}

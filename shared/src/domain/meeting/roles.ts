/** Who someone is in the meeting right now, and other lookups every concern shares. */
import { MeetingPhase, type MeetingState, type Slot } from './meeting-state.js';

/** A person's role for permission checks; `outsider` covers organisers and non-members. */
export type MeetingRole = 'facilitator' | 'presenter' | 'member' | 'outsider';

/** The phases between the start and the close, when the clock runs and time out is possible. */
export const LIVE_PHASES: readonly MeetingPhase[] = MeetingPhase.options.filter(
  (phase) => phase !== 'scheduled' && phase !== 'lobby' && phase !== 'closed',
);

/** Whether the meeting is between its start and its close. */
export function isLive(state: MeetingState): boolean {
  return LIVE_PHASES.includes(state.phase);
}

/** The slot being run, or null outside a slot. */
export function currentSlot(state: MeetingState): Slot | null {
  if (state.phase !== 'slot') return null;
  return state.slots.find((slot) => slot.id === state.currentSlotId) ?? null;
}

/** The current presenter, or null outside a slot. */
export function currentPresenterId(state: MeetingState): string | null {
  return currentSlot(state)?.presenterId ?? null;
}

/** Whether the person is on the set's roster for this meeting. */
export function isOnRoster(state: MeetingState, personId: string | null): personId is string {
  return personId !== null && state.roster.some((entry) => entry.personId === personId);
}

/** Whether the person has joined (on time or late). */
export function hasJoined(state: MeetingState, personId: string): boolean {
  const status = state.attendance[personId]?.status;
  return status === 'present' || status === 'late';
}

/** Whether the person takes turns, bids and presents (members, and a facilitator who is one). */
export function takesPart(state: MeetingState, personId: string): boolean {
  const entry = state.roster.find((candidate) => candidate.personId === personId);
  if (!entry) return false;
  return entry.role === 'member' || state.facilitatorTakesPart;
}

/** The person's role now: the acting facilitator, the current presenter, a member, or outsider. */
export function roleOf(state: MeetingState, personId: string | null): MeetingRole {
  if (!isOnRoster(state, personId)) return 'outsider';
  if (personId === state.actingFacilitatorId) return 'facilitator';
  if (personId === currentPresenterId(state)) return 'presenter';
  return 'member';
}

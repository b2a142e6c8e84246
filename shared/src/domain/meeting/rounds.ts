/**
 * Rounds: the expectations round (meeting 1) and the check-in (meeting 2 onwards). Each member
 * in turn has equal, uninterrupted time; the order is the roster's, among those present.
 */
import type { MeetingPhase, MeetingState } from './meeting-state.js';
import { hasJoined, takesPart } from './roles.js';

/** The phases that are rounds. */
export const ROUND_PHASES: readonly MeetingPhase[] = ['expectations_round', 'check_in'];

/** Who takes a turn in a round starting now: present members, in roster order. */
export function roundOrder(state: MeetingState): string[] {
  return state.roster
    .map((entry) => entry.personId)
    .filter((personId) => takesPart(state, personId) && hasJoined(state, personId));
}

/** Whose turn it is, or null outside a round. */
export function turnHolderId(state: MeetingState): string | null {
  return state.round ? (state.round.order[state.round.index] ?? null) : null;
}

/** Someone arriving late still gets a turn: at the end of the round under way. */
export function addLateJoinerToRound(state: MeetingState, personId: string): void {
  const round = state.round;
  if (!round || round.order.includes(personId) || !takesPart(state, personId)) return;
  round.order.push(personId);
}

/**
 * Airtime: who held a turn or the floor, and for how long. Time is credited lazily, at the
 * start of every state change, to whoever was speaking since the last one; this keeps the
 * reducer pure (no timers) and makes the buckets add up to the live, unpaused time exactly.
 */
import type { MeetingState } from './meeting-state.js';
import { currentSlot, isLive } from './roles.js';

/** Who is speaking now: the turn holder in a round, the floor holder, or else the presenter. */
export function speakerOf(state: MeetingState): string | null {
  if (state.round) return state.round.order[state.round.index] ?? null;
  if (state.queue.floor) return state.queue.floor.personId;
  const slot = currentSlot(state);
  // A finished slot waits for the facilitator; nobody holds it.
  return slot && slot.stage !== 'complete' ? slot.presenterId : null;
}

/** Whether time now counts toward airtime: between start and close, outside a time out. */
function clockRuns(state: MeetingState): boolean {
  return isLive(state) && state.pausedAt === null && state.airtime.accruedTo !== null;
}

/** Credits the time since `accruedTo` to the speaker recorded then. Changes `state`. */
export function accrueAirtime(state: MeetingState, now: number): void {
  const airtime = state.airtime;
  if (airtime.accruedTo === null) return;
  if (clockRuns(state)) {
    // A clock that went backwards (another instance, a skewed host) credits nothing.
    const elapsedMs = Math.max(0, now - airtime.accruedTo);
    if (airtime.speakerId === null) airtime.unattributedMs += elapsedMs;
    else
      airtime.byPersonMs[airtime.speakerId] =
        (airtime.byPersonMs[airtime.speakerId] ?? 0) + elapsedMs;
  }
  airtime.accruedTo = Math.max(airtime.accruedTo, now);
}

/** Records who speaks from now on, after a command has changed the state. Changes `state`. */
export function refreshSpeaker(state: MeetingState): void {
  state.airtime.speakerId = isLive(state) ? speakerOf(state) : null;
}

/** Airtime per person, time nobody held, and their sum, including time not yet credited. */
export function airtimeTotals(
  state: MeetingState,
  now: number,
): { byPersonMs: Record<string, number>; unattributedMs: number; totalMs: number } {
  const byPersonMs = { ...state.airtime.byPersonMs };
  let unattributedMs = state.airtime.unattributedMs;
  const { accruedTo, speakerId } = state.airtime;
  if (clockRuns(state) && accruedTo !== null) {
    const pendingMs = Math.max(0, now - accruedTo);
    if (speakerId === null) unattributedMs += pendingMs;
    else byPersonMs[speakerId] = (byPersonMs[speakerId] ?? 0) + pendingMs;
  }
  const totalMs = Object.values(byPersonMs).reduce((sum, ms) => sum + ms, unattributedMs);
  return { byPersonMs, unattributedMs, totalMs };
}

/** The stage clock: absolute deadlines, a stored remainder during a time out, and warnings. */
import type { MeetingState, StageTimer } from './meeting-state.js';
import { FINAL_WARNING_MS, STAGE_WARNING_MS } from './timings.js';

/** Starts a clock of `durationMs` at `now` (or clears it for an untimed stage). */
export function startTimer(state: MeetingState, durationMs: number | null, now: number): void {
  if (durationMs === null) {
    state.timer = null;
    return;
  }
  state.timer = {
    startedAt: now,
    durationMs,
    endsAt: now + durationMs,
    remainderMs: null,
    ...warningsAlreadyPast(durationMs),
    timeUp: false,
  };
}

/**
 * Warnings that would fire at once add nothing: a two-minute stage needs no two-minute warning.
 */
function warningsAlreadyPast(
  remainingMs: number,
): Pick<StageTimer, 'warnedTwoMinutes' | 'warnedThirtySeconds'> {
  return {
    warnedTwoMinutes: remainingMs <= STAGE_WARNING_MS,
    warnedThirtySeconds: remainingMs <= FINAL_WARNING_MS,
  };
}

/** Time left on the clock at `now` (negative once overrun), or null when nothing is timed. */
export function remainingMs(state: MeetingState, now: number): number | null {
  const timer = state.timer;
  if (!timer) return null;
  if (timer.remainderMs !== null) return timer.remainderMs;
  return timer.endsAt === null ? null : timer.endsAt - now;
}

/** Stops the clock, keeping what is left. */
export function holdTimer(timer: StageTimer, now: number): void {
  if (timer.endsAt === null) return;
  timer.remainderMs = Math.max(0, timer.endsAt - now);
  timer.endsAt = null;
}

/** Restarts a held clock from what was left. */
export function releaseTimer(timer: StageTimer, now: number): void {
  if (timer.remainderMs === null) return;
  timer.endsAt = now + timer.remainderMs;
  timer.remainderMs = null;
}

/** Adds time to a running or held clock; warnings and "time up" start afresh. */
export function addTime(timer: StageTimer, addedMs: number, now: number): void {
  if (timer.remainderMs !== null) timer.remainderMs += addedMs;
  // An overrun clock gets its extra time from now, not from the deadline already passed.
  else if (timer.endsAt !== null) timer.endsAt = Math.max(timer.endsAt, now) + addedMs;
  timer.durationMs += addedMs;
  const left = timer.remainderMs ?? (timer.endsAt ?? now) - now;
  Object.assign(timer, warningsAlreadyPast(left), { timeUp: false });
}

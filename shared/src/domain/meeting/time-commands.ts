/**
 * Time: the facilitator's time out, resume and extension, and the clock's `tick`. Under strict
 * timing a tick at or past the deadline moves on (each member's turn in a round ends when their
 * equal time is up); under advisory timing it only tells the facilitator that time is up.
 */
import { advance } from './flow.js';
import { MeetingErrorCode } from './meeting-errors.js';
import { payForExtension } from './overrun.js';
import { isLive } from './roles.js';
import type { Step, StepOutcome } from './step.js';
import { addTime, holdTimer, releaseTimer } from './timer.js';
import { FINAL_WARNING_MS, minutesToMs, STAGE_WARNING_MS } from './timings.js';

/** `timer:pause`: a time out, from any live state; the clock keeps what is left. */
export function pauseMeeting(step: Step): StepOutcome {
  const { state } = step;
  if (!isLive(state)) return MeetingErrorCode.wrongStage;
  if (state.pausedAt !== null) return MeetingErrorCode.alreadyPaused;
  state.pausedAt = step.now;
  if (state.timer) holdTimer(state.timer, step.now);
  step.events.push({ type: 'timer:paused', remainderMs: state.timer?.remainderMs ?? null });
  return undefined;
}

/** `timer:resume`: the clock runs on from what was left. */
export function resumeMeeting(step: Step): StepOutcome {
  const { state } = step;
  if (state.pausedAt === null) return MeetingErrorCode.notPaused;
  state.pausedAt = null;
  if (state.timer) releaseTimer(state.timer, step.now);
  step.events.push({ type: 'timer:resumed', endsAt: state.timer?.endsAt ?? null });
  return undefined;
}

/**
 * `timer:extend`: more time for the current stage or turn (also during a time out), taken from
 * the slots still planned; what they cannot give makes the meeting run over (`overrun.ts`).
 */
export function extendTime(step: Step, minutes: number): StepOutcome {
  const { state } = step;
  if (!isLive(state)) return MeetingErrorCode.wrongStage;
  const timer = state.timer;
  if (!timer) return MeetingErrorCode.noDeadline;
  const addedMs = minutesToMs(minutes);
  addTime(timer, addedMs, step.now);
  const { endsAt, remainderMs } = timer;
  step.events.push({ type: 'timer:extended', addedMs, endsAt, remainderMs });
  payForExtension(step, minutes);
  return undefined;
}

/** Warnings at two minutes and thirty seconds left, each once. */
function warn(step: Step, leftMs: number): void {
  const timer = step.state.timer;
  if (!timer) return;
  if (!timer.warnedTwoMinutes && leftMs <= STAGE_WARNING_MS) {
    timer.warnedTwoMinutes = true;
    step.events.push({ type: 'time:warning', remainingMs: STAGE_WARNING_MS });
  }
  if (!timer.warnedThirtySeconds && leftMs <= FINAL_WARNING_MS) {
    timer.warnedThirtySeconds = true;
    step.events.push({ type: 'time:warning', remainingMs: FINAL_WARNING_MS });
  }
}

/** Time is up: strict timing moves on; otherwise (or if it cannot) the facilitator is told. */
function timeIsUp(step: Step): void {
  if (step.state.settings.timing === 'strict' && !advance(step, 'clock')) return;
  const timer = step.state.timer;
  if (!timer || timer.timeUp) return;
  timer.timeUp = true;
  timer.warnedTwoMinutes = true;
  timer.warnedThirtySeconds = true;
  step.events.push({ type: 'time:up' });
}

/**
 * `tick`: the clock's turn. Opens the lobby when due; warns; acts when time is up. A tick with
 * nothing to do changes nothing (the reducer then returns the state it was given).
 */
export function tick(step: Step): StepOutcome {
  const { state, now } = step;
  if (state.phase === 'scheduled') {
    if (now >= state.lobbyOpensAt) {
      state.phase = 'lobby';
      step.events.push({ type: 'lobby:opened' });
    }
    return undefined;
  }
  const endsAt = state.timer?.endsAt;
  if (!isLive(state) || state.pausedAt !== null || endsAt === undefined || endsAt === null)
    return undefined;
  const leftMs = endsAt - now;
  if (leftMs > 0) warn(step, leftMs);
  else timeIsUp(step);
  return undefined;
}

/**
 * The countdown's arithmetic: deadlines are server times, so the page keeps the difference
 * between the server's clock and its own (taken when each snapshot arrives) and corrects by it.
 */
import type { MeetingState } from '@setboard/shared';

/** serverNow − local now when a snapshot arrived: add it to `Date.now()` to get server time. */
export function clockOffsetMs(serverNow: number, receivedAt: number): number {
  return serverNow - receivedAt;
}

/** Milliseconds left on the meeting's clock at local time `localNow`, or null when untimed. */
export function remainingAt(
  state: MeetingState,
  offsetMs: number,
  localNow: number,
): number | null {
  const timer = state.timer;
  if (!timer) return null;
  if (timer.remainderMs !== null) return timer.remainderMs;
  if (timer.endsAt === null) return null;
  // Network delay makes the offset a little stale; never show more time than the stage has.
  return Math.min(timer.endsAt - (localNow + offsetMs), timer.durationMs);
}

/** Whole seconds left, counting a started second as left (a clock showing 00:00 is up). */
export function secondsLeft(remainingMs: number): number {
  return Math.ceil(remainingMs / 1000);
}

/** "04:59"; time over is shown as how long over, also mm:ss. */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.abs(totalSeconds);
  const mm = String(Math.floor(seconds / 60)).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return `${mm}:${ss}`;
}

/** "4 minutes 59 seconds", for the accessible name, which is read only on request. */
export function describeDuration(totalSeconds: number): string {
  const seconds = Math.abs(totalSeconds);
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const parts: string[] = [];
  if (minutes > 0) parts.push(`${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`);
  if (rest > 0 || minutes === 0) parts.push(`${rest} ${rest === 1 ? 'second' : 'seconds'}`);
  return parts.join(' ');
}

/**
 * The server's side of meeting time. Deadlines are data in the state; this clock only makes sure
 * a `tick` (actor null) is applied when something is due: the lobby opening, a two-minute or
 * thirty-second warning, or time up (strict timing then moves on). Each instance keeps one timer
 * per meeting that has subscribers here, armed for the meeting's next due moment. Several
 * instances may tick the same meeting: compare-and-set lets the first through, and the others
 * find nothing left to do.
 */
import {
  FINAL_WARNING_MS,
  isLive,
  STAGE_WARNING_MS,
  type MeetingEvent,
  type MeetingState,
} from '@setboard/shared';
import type { Logger } from '../logger.js';
import type { MeetingService, StoredMeeting } from './meeting-service.js';

/** Runs work at absolute times on the app's clock. Tests drive one by hand. */
export interface Scheduler {
  /** Runs `task` once at `at` (epoch ms; at once if past). Returns the function that cancels it. */
  schedule(at: number, task: () => void): () => void;
}

/** Node's timers cap a delay at about 24.8 days; a longer wait is re-armed when it fires. */
const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;
/** After a failed tick (store unavailable), try again this much later. */
export const TICK_RETRY_MS = 1_000;

/** The production scheduler: `setTimeout` against `now()`. */
export function createTimerScheduler(now: () => number): Scheduler {
  return {
    schedule(at, task) {
      const delay = Math.min(Math.max(0, at - now()), MAX_TIMER_DELAY_MS);
      const timer = setTimeout(task, delay);
      timer.unref();
      return () => clearTimeout(timer);
    },
  };
}

/**
 * When the meeting next needs a tick: the lobby opening, the next warning not yet given, or the
 * deadline. Null when nothing is due (untimed, paused, closed, or time up already reported).
 */
export function nextDueAt(state: MeetingState): number | null {
  if (state.phase === 'scheduled') return state.lobbyOpensAt;
  const timer = state.timer;
  if (!isLive(state) || state.pausedAt !== null || !timer || timer.endsAt === null) return null;
  if (!timer.warnedTwoMinutes) return timer.endsAt - STAGE_WARNING_MS;
  if (!timer.warnedThirtySeconds) return timer.endsAt - FINAL_WARNING_MS;
  return timer.timeUp ? null : timer.endsAt;
}

/** A state stored by a tick, to be broadcast like any other change. */
export type PublishChange = (meeting: StoredMeeting, events: MeetingEvent[]) => void;

interface Watch {
  subscribers: number;
  /** The newest version this instance has armed for; older news is ignored. */
  version: number;
  cancel: (() => void) | null;
}

export class MeetingClock {
  private readonly watches = new Map<string, Watch>();
  private stopped = false;

  constructor(
    private readonly deps: {
      meetings: MeetingService;
      scheduler: Scheduler;
      now: () => number;
      logger: Logger;
      publish: PublishChange;
    },
  ) {}

  /** A connection on this instance subscribed to the meeting, which is at `version`. */
  watch(meetingId: string, version: number, dueAt: number | null): void {
    const watch = this.watches.get(meetingId);
    if (watch) watch.subscribers += 1;
    else this.watches.set(meetingId, { subscribers: 1, version: 0, cancel: null });
    this.rearm(meetingId, version, dueAt);
  }

  /** A subscriber here left; the last one to leave stops the timer. */
  unwatch(meetingId: string): void {
    const watch = this.watches.get(meetingId);
    if (!watch) return;
    watch.subscribers -= 1;
    if (watch.subscribers > 0) return;
    watch.cancel?.();
    this.watches.delete(meetingId);
  }

  /** The meeting reached `version` (here or on another instance): arm for its next due time. */
  rearm(meetingId: string, version: number, dueAt: number | null): void {
    const watch = this.watches.get(meetingId);
    if (!watch || this.stopped || version < watch.version) return;
    watch.version = version;
    watch.cancel?.();
    watch.cancel = null;
    if (dueAt === null) return;
    watch.cancel = this.deps.scheduler.schedule(dueAt, () => {
      watch.cancel = null;
      void this.tick(meetingId);
    });
  }

  /** Stops every timer (the app is closing). */
  stop(): void {
    this.stopped = true;
    for (const watch of this.watches.values()) watch.cancel?.();
    this.watches.clear();
  }

  private async tick(meetingId: string): Promise<void> {
    try {
      const outcome = await this.deps.meetings.apply(meetingId, { type: 'tick' }, null);
      if (!outcome.ok) return; // the meeting is gone
      const { meeting, events, changed } = outcome;
      if (changed) {
        this.deps.publish(meeting, events);
        return;
      }
      // Nothing was due after all (another instance ticked first, or the deadline moved). A due
      // time already past would mean a tick that cannot act: look again later, never in a loop.
      const dueAt = nextDueAt(meeting.state);
      const now = this.deps.now();
      const stuck = dueAt !== null && dueAt <= now;
      this.rearm(meetingId, meeting.version, stuck ? now + TICK_RETRY_MS : dueAt);
    } catch (error) {
      this.deps.logger.error({ err: error, meetingId }, 'meeting tick failed');
      const watch = this.watches.get(meetingId);
      if (watch) this.rearm(meetingId, watch.version, this.deps.now() + TICK_RETRY_MS);
    }
  }
}

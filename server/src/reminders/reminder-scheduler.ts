/**
 * Runs the reminder scan on every instance (docs/reminders.md): at start (catching up on
 * whatever fell due while no server ran), at the next moment a reminder falls due, and at least
 * every quarter of an hour (dates change). Several instances scanning at once is safe: each
 * reminder is created by a compare-and-set on its key, so exactly one of them creates it.
 */
import type { Reminder } from '@setboard/shared';
import type { Logger } from '../logger.js';
import type { Scheduler } from '../meetings/meeting-clock.js';
import type { Notifications } from './notifications.js';
import { dueReminders, remindersOfAllSets, type ReminderSources } from './reminder-scan.js';

export const SCAN_INTERVAL_MS = 15 * 60 * 1000;

export interface ReminderSchedulerDeps {
  sources: ReminderSources;
  notifications: Notifications;
  scheduler: Scheduler;
  now: () => number;
  logger: Logger;
  /** Told of the reminders this instance created in a scan (to e-mail them). */
  onCreated?: (created: Reminder[]) => Promise<void>;
  /** E-mails what is due after every scan, when the deployment has mail (reminder-digest.ts). */
  mail?: { sendDue(): Promise<unknown> };
}

export class ReminderScheduler {
  private cancel: (() => void) | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  /** Scans by itself, on the clock (otherwise only when asked: `scanNow`). */
  private started = false;

  constructor(private readonly deps: ReminderSchedulerDeps) {}

  start(): void {
    this.started = true;
    this.arm(this.deps.now());
  }

  stop(): void {
    this.stopped = true;
    this.cancel?.();
    this.cancel = null;
  }

  /** Scans now (one scan at a time on this instance); resolves with what it created. */
  async scanNow(): Promise<Reminder[]> {
    while (this.running) await this.running;
    let created: Reminder[] = [];
    this.running = (async () => {
      created = await this.scan();
    })();
    try {
      await this.running;
    } finally {
      this.running = null;
    }
    return created;
  }

  private arm(at: number): void {
    if (this.stopped || !this.started) return;
    this.cancel?.();
    this.cancel = this.deps.scheduler.schedule(at, () => {
      this.cancel = null;
      void this.scanNow().catch((error: unknown) => {
        this.deps.logger.error({ err: error }, 'reminder scan failed');
        this.arm(this.deps.now() + SCAN_INTERVAL_MS);
      });
    });
  }

  private async scan(): Promise<Reminder[]> {
    const now = this.deps.now();
    const all = await remindersOfAllSets(this.deps.sources);
    const created: Reminder[] = [];
    for (const reminder of dueReminders(all, now)) {
      if (this.stopped) break;
      if (await this.deps.notifications.create(reminder)) created.push(reminder);
    }
    const upcoming = all
      .map((reminder) => reminder.triggerAt)
      .filter((triggerAt) => triggerAt > now);
    this.arm(Math.min(now + SCAN_INTERVAL_MS, ...upcoming));
    if (created.length > 0) await this.deps.onCreated?.(created);
    try {
      await this.deps.mail?.sendDue();
    } catch (error) {
      this.deps.logger.error({ err: error }, 'could not e-mail reminders');
    }
    return created;
  }
}

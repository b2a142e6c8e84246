/**
 * Retention (docs/privacy.md): a closed set's content is kept for its retention period (default
 * 12 months, `set-privacy`), its members are told in the app 30 days before, and then every board
 * is deleted as erasure deletes them, leaving the set's name, attendance and the content-free
 * cycle report (kept as a record first).
 *
 * The scan runs on every instance, hourly on the injected clock. Each step is recorded in the
 * set's privacy record with compare-and-set and each notice is created once per key, so
 * instances scanning together do each thing once; purging twice deletes nothing more.
 */
import { ReminderKind, type Reminder } from '@setboard/shared';
import { activeMembersOf, type Sets } from '../access/sets.js';
import type { Logger } from '../logger.js';
import type { Scheduler } from '../meetings/meeting-clock.js';
import { freezeCycleReport } from '../record/cycle-report.js';
import type { RecordDeps } from '../record/meeting-record.js';
import type { Notifications } from '../reminders/notifications.js';
import type { Erasure } from './erasure.js';
import { ukDate } from './html.js';
import { changeSetPrivacy, readSetPrivacy } from './privacy-settings.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Members are told this long before the content goes. */
export const RETENTION_NOTICE_MS = 30 * DAY_MS;
const SCAN_INTERVAL_MS = 60 * 60 * 1000;

/** `at` plus whole calendar months (UTC), e.g. 31 Jan + 1 month = 3 March in a common year. */
export function addMonths(at: number, months: number): number {
  const date = new Date(at);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.getTime();
}

export interface RetentionDeps {
  sets: Sets;
  record: RecordDeps;
  notifications: Notifications;
  erasure: Erasure;
  scheduler: Scheduler;
  now: () => number;
  logger: Logger;
}

export class Retention {
  #cancel: (() => void) | null = null;
  #running: Promise<unknown> | null = null;

  constructor(private readonly deps: RetentionDeps) {}

  /** Scans now and then every hour. */
  start(): void {
    this.#arm(this.deps.now());
  }

  stop(): void {
    this.#cancel?.();
    this.#cancel = null;
  }

  /** One scan (one at a time on this instance): what it warned about and what it purged. */
  async scanNow(): Promise<{ warned: string[]; purged: string[] }> {
    while (this.#running) await this.#running;
    const scan = this.#scan();
    this.#running = scan;
    try {
      return await scan;
    } finally {
      this.#running = null;
    }
  }

  #arm(at: number): void {
    this.#cancel = this.deps.scheduler.schedule(at, () => {
      this.scanNow()
        .catch((error: unknown) => this.deps.logger.error({ err: error }, 'retention scan failed'))
        .finally(() => this.#arm(this.deps.now() + SCAN_INTERVAL_MS));
    });
  }

  async #scan(): Promise<{ warned: string[]; purged: string[] }> {
    const { store } = this.deps.record;
    const now = this.deps.now();
    const warned: string[] = [];
    const purged: string[] = [];
    for (const set of await this.deps.sets.all()) {
      let privacy = await readSetPrivacy(store, set.id);
      if (privacy.purgedAt !== null) continue;
      if (set.lifecycle !== 'closed') {
        // Reopened before its content went: the clock starts again at the next close.
        if (privacy.closedAt !== null) {
          await changeSetPrivacy(store, set.id, (p) => ({ ...p, closedAt: null, warnedAt: null }));
        }
        continue;
      }
      if (privacy.closedAt === null) {
        privacy = await changeSetPrivacy(store, set.id, (p) => ({
          ...p,
          closedAt: p.closedAt ?? now,
        }));
      }
      const deletesAt = addMonths(privacy.closedAt!, privacy.retentionMonths);
      if (privacy.warnedAt === null && now >= deletesAt - RETENTION_NOTICE_MS) {
        const warnedAt = now;
        for (const [personId] of activeMembersOf(set)) {
          await this.deps.notifications.create(
            deletionNotice(
              set.id,
              set.name,
              personId,
              privacy.closedAt!,
              Math.max(deletesAt, warnedAt + RETENTION_NOTICE_MS),
              now,
            ),
          );
        }
        privacy = await changeSetPrivacy(store, set.id, (p) => ({
          ...p,
          warnedAt: p.warnedAt ?? warnedAt,
        }));
        warned.push(set.id);
      }
      // Never sooner than 30 days after the notice, even if the scan was late to give it.
      if (
        privacy.warnedAt !== null &&
        now >= Math.max(deletesAt, privacy.warnedAt + RETENTION_NOTICE_MS)
      ) {
        await freezeCycleReport(this.deps.record, set, now);
        await this.deps.erasure.purgeSetContent(set.id);
        await changeSetPrivacy(store, set.id, (p) => ({ ...p, purgedAt: now }));
        purged.push(set.id);
      }
    }
    return { warned, purged };
  }
}

function deletionNotice(
  setId: string,
  setName: string,
  personId: string,
  closedAt: number,
  deletesAt: number,
  now: number,
): Reminder {
  return {
    key: `retention:${setId}:${closedAt}`,
    personId,
    kind: ReminderKind.contentDeletionSoon,
    triggerAt: now,
    expiresAt: deletesAt,
    title: `${setName}: its boards will be deleted on ${ukDate(deletesAt)}`,
    detail:
      'The set has closed and its retention period is ending. Download your CPD record or your data before then if you want a copy.',
    link: '/my-data',
  };
}

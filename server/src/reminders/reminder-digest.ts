/**
 * Reminder e-mails (docs/reminders.md): after each scan, every person whose setting asks for mail
 * and whose address Setboard knows gets the notifications not yet mailed, in one short digest —
 * daily (at most one a day, from 08:00 London) or at once. Only titles go out: they carry no
 * board content by design; the in-app detail never leaves the app.
 *
 * Several instances: a person's digest is sent under a short lease (compare-and-set), then each
 * notification is marked mailed and a daily digest records its day. Another instance finds the
 * lease, or nothing left to send. The state is in the store, so a restart re-sends nothing and a
 * server starting after downtime mails what is waiting.
 */
import { londonDateOf, londonTimeToEpoch, REMINDER_TIME } from '@setboard/shared';
import { Collection } from '../access/records.js';
import type { Logger } from '../logger.js';
import { composeMail } from '../mail/mail-text.js';
import type { Mailer, MailMessage } from '../mail/mailer.js';
import type { Store } from '../store/store.js';
import { mailAddressOf } from './mail-address.js';
import type { ReminderMailRecord, ReminderMailSettings } from './mail-settings.js';
import type { NotificationRecord, Notifications } from './notifications.js';

/** Longer than any SMTP exchange: a server that dies mid-send frees the person after this. */
export const DIGEST_LEASE_MS = 2 * 60 * 1000;
const LEASES = 'reminder-mail-leases';
const DAILY_DIGESTS = 'reminder-mail-daily';

export interface ReminderDigestDeps {
  store: Store;
  mailer: Mailer;
  notifications: Notifications;
  settings: ReminderMailSettings;
  now: () => number;
  logger: Logger;
  /** Where the links in e-mails point (PUBLIC_URL). */
  origin: string;
}

export class ReminderDigest {
  constructor(private readonly deps: ReminderDigestDeps) {}

  /** Mails what is due to everyone (or to these people); never throws for one person's failure. */
  async sendDue(personIds?: readonly string[]): Promise<number> {
    const ids = personIds ?? (await this.deps.store.list(Collection.people)).map((p) => p.id);
    let sent = 0;
    for (const personId of ids) {
      try {
        if (await this.sendTo(personId)) sent += 1;
      } catch (error) {
        this.deps.logger.warn({ err: error }, 'could not e-mail reminders');
      }
    }
    return sent;
  }

  private async sendTo(personId: string): Promise<boolean> {
    const { store, now, notifications } = this.deps;
    const settings = await this.deps.settings.of(personId);
    if (settings.setting === 'off') return false;
    const today = londonDateOf(now());
    if (settings.setting === 'daily') {
      if (now() < londonTimeToEpoch(today, REMINDER_TIME)) return false;
      if (await store.get(DAILY_DIGESTS, `${personId}:${today}`)) return false;
    }
    const waiting = await this.waiting(personId, settings);
    if (waiting.length === 0) return false;
    const address = await mailAddressOf(store, personId);
    if (!address) return false;
    const release = await this.lease(personId);
    if (!release) return false;
    try {
      // Read again under the lease: another instance may have mailed them meanwhile.
      const fresh = await this.waiting(personId, settings);
      if (fresh.length === 0) return false;
      const day = `${personId}:${today}`;
      const claimed =
        settings.setting === 'daily' ? await store.put(DAILY_DIGESTS, day, { at: now() }, 0) : null;
      if (claimed && !claimed.ok) return false;
      try {
        await this.deps.mailer.send(this.digest(address, fresh, settings));
      } catch (error) {
        // Not sent: the day is free again, and the next scan tries once more.
        if (claimed?.ok) await store.delete(DAILY_DIGESTS, day, claimed.version);
        throw error;
      }
      for (const { id } of fresh) await notifications.markMailed(personId, id);
      return true;
    } finally {
      await release();
    }
  }

  private async waiting(personId: string, settings: ReminderMailRecord) {
    const records = await this.deps.notifications.records(personId);
    return records
      .filter(({ value }) => value.mailedAt === null && value.createdAt >= settings.since)
      .sort((a, b) => a.value.createdAt - b.value.createdAt);
  }

  /** Takes the person's sending lease, or null when another instance holds it. */
  private async lease(personId: string): Promise<(() => Promise<void>) | null> {
    const { store, now } = this.deps;
    const current = await store.get<{ until: number }>(LEASES, personId);
    if (current && current.value.until > now()) return null;
    const taken = await store.put(
      LEASES,
      personId,
      { until: now() + DIGEST_LEASE_MS },
      current?.version ?? 0,
    );
    if (!taken.ok) return null;
    return async () => {
      await store.delete(LEASES, personId, taken.version);
    };
  }

  private digest(
    address: string,
    waiting: { value: NotificationRecord }[],
    settings: ReminderMailRecord,
  ): MailMessage {
    const { origin } = this.deps;
    const unsubscribe = `${origin}/unsubscribe#${settings.unsubscribeToken}`;
    const oneClick = `${origin}/mail/unsubscribe?token=${settings.unsubscribeToken}`;
    const count = waiting.length;
    const message = composeMail(address, {
      subject: count === 1 ? 'Setboard: 1 reminder' : `Setboard: ${count} reminders`,
      paragraphs: [
        ...waiting.map(({ value }) => `• ${value.title}`),
        { label: 'See them in Setboard', link: `${origin}/notifications` },
        settings.setting === 'daily'
          ? 'You get these reminders as one e-mail a day. You can change that on your Notifications page.'
          : 'You get these reminders as they fall due. You can change that on your Notifications page.',
        { label: 'Stop reminder e-mails', link: unsubscribe },
      ],
    });
    return {
      ...message,
      headers: {
        'List-Unsubscribe': `<${oneClick}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    };
  }
}

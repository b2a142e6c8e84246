/**
 * Each person's reminder e-mail setting (docs/reminders.md): off, a daily digest (the default
 * once the deployment has mail and Setboard knows their address) or at once. The record also
 * keeps the one-click unsubscribe token, indexed by its hash so a link finds its person.
 */
import type { ReminderMailSetting } from '@setboard/shared';
import { createRecord, readRecord, updateRecord } from '../access/records.js';
import { hashToken, newSecretToken } from '../access/tokens.js';
import type { Store } from '../store/store.js';

export interface ReminderMailRecord {
  setting: ReminderMailSetting;
  /** Put in every digest's unsubscribe link; the index holds only its hash. */
  unsubscribeToken: string;
  /** Only notifications created from this moment are mailed (no backlog on first use). */
  since: number;
}

export const DEFAULT_REMINDER_MAIL: ReminderMailSetting = 'daily';

const SETTINGS = 'reminder-mail';
const UNSUBSCRIBE = 'reminder-mail-unsubscribe';

export class ReminderMailSettings {
  constructor(private readonly deps: { store: Store; now: () => number }) {}

  /** The person's record, made with the default on first use. */
  async of(personId: string): Promise<ReminderMailRecord> {
    const existing = await readRecord<ReminderMailRecord>(this.deps.store, SETTINGS, personId);
    if (existing) return existing;
    const made: ReminderMailRecord = {
      setting: DEFAULT_REMINDER_MAIL,
      unsubscribeToken: newSecretToken(),
      since: this.deps.now(),
    };
    const written = await this.deps.store.put(SETTINGS, personId, made, 0);
    if (!written.ok)
      return (await readRecord<ReminderMailRecord>(this.deps.store, SETTINGS, personId))!;
    await createRecord(this.deps.store, UNSUBSCRIBE, hashToken(made.unsubscribeToken), {
      personId,
    });
    return made;
  }

  async set(personId: string, setting: ReminderMailSetting): Promise<ReminderMailRecord> {
    const current = await this.of(personId);
    if (current.setting === setting) return current;
    return updateRecord<ReminderMailRecord>(this.deps.store, SETTINGS, personId, (record) => ({
      ...record,
      setting,
      // Turning mail back on starts afresh rather than mailing what piled up meanwhile.
      since: record.setting === 'off' ? this.deps.now() : record.since,
    }));
  }

  /** One-click unsubscribe: false when the token names nobody. */
  async unsubscribe(token: string): Promise<boolean> {
    const pointer = await readRecord<{ personId: string }>(
      this.deps.store,
      UNSUBSCRIBE,
      hashToken(token),
    );
    if (!pointer) return false;
    await this.set(pointer.personId, 'off');
    return true;
  }
}

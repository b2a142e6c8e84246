/**
 * Each person's notification centre: collection `notifications.<personId>`, one record per
 * reminder under the reminder's key. Creating one is a compare-and-set on "does not exist yet",
 * so of any number of servers creating the same reminder exactly one does (docs/reminders.md).
 */
import type { NotificationList, Reminder } from '@setboard/shared';
import type { Store } from '../store/store.js';

export interface NotificationRecord {
  kind: string;
  title: string;
  detail: string;
  link: string;
  createdAt: number;
  readAt: number | null;
  /** When it was e-mailed (alone or in a digest), or null. */
  mailedAt: number | null;
}

export const notificationsOf = (personId: string) => `notifications.${personId}`;

export class Notifications {
  constructor(
    private readonly deps: {
      store: Store;
      now: () => number;
      /** Told after a notification is created, once, by the server that created it. */
      onCreated: (personId: string) => void;
    },
  ) {}

  /** Creates the reminder's notification unless it exists; true when this call created it. */
  async create(reminder: Reminder): Promise<boolean> {
    const record: NotificationRecord = {
      kind: reminder.kind,
      title: reminder.title,
      detail: reminder.detail,
      link: reminder.link,
      createdAt: this.deps.now(),
      readAt: null,
      mailedAt: null,
    };
    const written = await this.deps.store.put(
      notificationsOf(reminder.personId),
      reminder.key,
      record,
      0,
    );
    if (written.ok) this.deps.onCreated(reminder.personId);
    return written.ok;
  }

  async records(personId: string) {
    const records = await this.deps.store.list<NotificationRecord>(notificationsOf(personId));
    return records.sort(
      (a, b) => b.value.createdAt - a.value.createdAt || a.id.localeCompare(b.id),
    );
  }

  async list(personId: string): Promise<NotificationList> {
    const records = await this.records(personId);
    return {
      notifications: records.map(({ id, value }) => ({
        id,
        kind: value.kind,
        title: value.title,
        detail: value.detail,
        link: value.link,
        createdAt: value.createdAt,
        read: value.readAt !== null,
      })),
      unread: records.filter(({ value }) => value.readAt === null).length,
    };
  }

  /** Marks these (or, without ids, every) notification read. */
  async markRead(personId: string, ids?: readonly string[]): Promise<void> {
    const now = this.deps.now();
    for (const { id, value, version } of await this.records(personId)) {
      if (value.readAt !== null || (ids && !ids.includes(id))) continue;
      await this.deps.store.put(notificationsOf(personId), id, { ...value, readAt: now }, version);
    }
  }

  /** Records that a notification went out by e-mail; false when another server already sent it. */
  async markMailed(personId: string, id: string): Promise<boolean> {
    const current = await this.deps.store.get<NotificationRecord>(notificationsOf(personId), id);
    if (!current || current.value.mailedAt !== null) return false;
    const written = await this.deps.store.put(
      notificationsOf(personId),
      id,
      { ...current.value, mailedAt: this.deps.now() },
      current.version,
    );
    return written.ok;
  }
}

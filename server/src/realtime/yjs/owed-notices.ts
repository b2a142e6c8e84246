/**
 * Notices until the page has them (docs/protocol.md Y17): a page that went offline (or was
 * closed) right after sending words the gate refused may never hear of it — and when it comes
 * back its words are already in the doc, undone, so nothing would ever give them back. Each
 * notice is kept in the store under the writer's client id until the page's receipt names it,
 * and sent again whenever a connection speaks with that client id, on any instance (the same
 * page reconnecting, or the page reopened from the browser's copy of the board).
 */
import type { WriteRefusedNotice } from '@setboard/shared';
import type { Store } from '../../store/store.js';

export const OWED_NOTICES_COLLECTION = 'owedNotices';
/** Notices kept per writer; the oldest go first (one page's backlog, not a log). */
const MAX_OWED_PER_WRITER = 50;

interface OwedRecord {
  notices: WriteRefusedNotice[];
}

const keyOf = (docName: string, clientId: number) => `${docName}#${clientId}`;

export class OwedNotices {
  constructor(
    private readonly store: Store,
    private readonly docName: string,
  ) {}

  /** Keeps `notice` for the page writing as `clientId`. */
  async owe(clientId: number, notice: WriteRefusedNotice): Promise<void> {
    const key = keyOf(this.docName, clientId);
    for (;;) {
      const current = await this.store.get<OwedRecord>(OWED_NOTICES_COLLECTION, key);
      const notices = [...(current?.value.notices ?? []), notice].slice(-MAX_OWED_PER_WRITER);
      const result = await this.store.put<OwedRecord>(
        OWED_NOTICES_COLLECTION,
        key,
        { notices },
        current?.version ?? 0,
      );
      if (result.ok) return;
    }
  }

  /** What is owed to the page writing as `clientId`, oldest first. */
  async owedTo(clientId: number): Promise<WriteRefusedNotice[]> {
    const current = await this.store.get<OwedRecord>(
      OWED_NOTICES_COLLECTION,
      keyOf(this.docName, clientId),
    );
    return current?.value.notices ?? [];
  }

  /** The page writing as `clientId` has notice `id`: forget it. */
  async acknowledge(clientId: number, id: string): Promise<void> {
    const key = keyOf(this.docName, clientId);
    for (;;) {
      const current = await this.store.get<OwedRecord>(OWED_NOTICES_COLLECTION, key);
      if (!current?.value.notices.some((notice) => notice.id === id)) return;
      const notices = current.value.notices.filter((notice) => notice.id !== id);
      const result =
        notices.length === 0
          ? await this.store.delete(OWED_NOTICES_COLLECTION, key, current.version)
          : await this.store.put<OwedRecord>(
              OWED_NOTICES_COLLECTION,
              key,
              { notices },
              current.version,
            );
      if (result.ok) return;
    }
  }
}

/**
 * Each calendar event's revision number (SEQUENCE), kept per UID with a fingerprint of what the
 * event says: a changed fingerprint moves it on by one, with compare-and-set, so two instances
 * serving feeds at once move it on once.
 */
import type { Store } from '../store/store.js';

export const SEQUENCES_COLLECTION = 'calendar-sequences';

interface SequenceRecord {
  fingerprint: string;
  sequence: number;
}

const MAX_ATTEMPTS = 10;

export class CalendarSequences {
  constructor(private readonly store: Store) {}

  /** The event's sequence for what it says now (0 the first time it is seen). */
  async sequenceOf(uid: string, fingerprint: string): Promise<number> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const current = await this.store.get<SequenceRecord>(SEQUENCES_COLLECTION, uid);
      if (current?.value.fingerprint === fingerprint) return current.value.sequence;
      const sequence = current ? current.value.sequence + 1 : 0;
      const written = await this.store.put<SequenceRecord>(
        SEQUENCES_COLLECTION,
        uid,
        { fingerprint, sequence },
        current?.version ?? 0,
      );
      if (written.ok) return sequence;
    }
    throw new Error(`calendar sequence of ${uid}: too many concurrent changes`);
  }
}

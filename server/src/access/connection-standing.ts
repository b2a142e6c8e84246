/**
 * The standing of open board connections, read from the store (docs/protocol.md Y11): a
 * connection stands while the session that opened it is live and, for a set's documents, its
 * person is still an active member of that set. Each board asks before it takes a connection's
 * write and before it sends updates out, so a removal or sign-out written to the store holds
 * for the very next message on every instance, whether or not its message got through.
 *
 * What it reads (the session's end, the set) is kept while the store's change counts of sessions
 * and sets stand (store/change-counted-cache.ts): a keystroke reads two counters, and any
 * sign-out, removal or role change anywhere moves a count, so the next check reads afresh.
 */
import { YjsCloseCode } from '@setboard/shared';
import { ChangeCountedCache } from '../store/change-counted-cache.js';
import type { Store } from '../store/store.js';
import { Collection, type SetRecord } from './records.js';
import type { Sessions } from './sessions.js';
import { activeRoleIn, type Sets } from './sets.js';

/** What a connection was admitted as: the session, the person, and the set that let them in. */
export interface StandingSubject {
  sessionKey: string;
  personId: string;
  /** The set whose membership admitted the connection; null for a person's own learning log. */
  setId: string | null;
}

/** For each subject, in order: null while it stands, else the close code it must go with. */
export type StandingCheck = (subjects: readonly StandingSubject[]) => Promise<Array<number | null>>;

/** Sessions and sets kept at once; past this the cache starts afresh. */
const MAX_KEPT = 10_000;
const STANDING_COLLECTIONS = [Collection.sessions, Collection.sets];

export function createStandingCheck(services: {
  sessions: Sessions;
  sets: Sets;
  store: Store;
  now: () => number;
}): StandingCheck {
  const sessionEnds = new ChangeCountedCache<number | null>(MAX_KEPT);
  const sets = new ChangeCountedCache<SetRecord | null>(MAX_KEPT);
  return async (subjects) => {
    if (subjects.length === 0) return [];
    const counts = await services.store.changeCounts(STANDING_COLLECTIONS);
    const now = services.now();
    return Promise.all(
      subjects.map(async ({ sessionKey, personId, setId }) => {
        // Both reads (when not kept) start at once: one round trip to the store, not two.
        const [endsAt, set] = await Promise.all([
          sessionEnds.get(sessionKey, counts, () => services.sessions.endOf(sessionKey)),
          setId === null ? null : sets.get(setId, counts, () => services.sets.get(setId)),
        ]);
        if (endsAt === null || now >= endsAt) return YjsCloseCode.unauthenticated;
        if (setId === null) return null;
        return activeRoleIn(set, personId) === null ? YjsCloseCode.forbidden : null;
      }),
    );
  };
}

/**
 * The standing of open board connections, read from the store (docs/protocol.md Y11): a
 * connection stands while the session that opened it is live and, for a set's documents, its
 * person is still an active member of that set. Each board asks before it takes a connection's
 * write and before it sends updates out, so a removal or sign-out written to the store holds
 * for the very next message on every instance, whether or not its message got through.
 */
import { YjsCloseCode } from '@setboard/shared';
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

export function createStandingCheck(services: { sessions: Sessions; sets: Sets }): StandingCheck {
  return async (subjects) => {
    // Subjects on one board share a set and often a session: read each once per check.
    const sessions = new Map<string, Promise<boolean>>();
    const sets = new Map<string, ReturnType<Sets['get']>>();
    const once = <K, V>(memo: Map<K, V>, key: K, read: () => V): V => {
      if (!memo.has(key)) memo.set(key, read());
      return memo.get(key)!;
    };
    return Promise.all(
      subjects.map(async ({ sessionKey, personId, setId }) => {
        // Both reads start at once: one round trip to the store, not two.
        const [live, set] = await Promise.all([
          once(sessions, sessionKey, () => services.sessions.isLive(sessionKey)),
          setId === null ? null : once(sets, setId, () => services.sets.get(setId)),
        ]);
        if (!live) return YjsCloseCode.unauthenticated;
        if (setId === null) return null;
        return activeRoleIn(set, personId) === null ? YjsCloseCode.forbidden : null;
      }),
    );
  };
}

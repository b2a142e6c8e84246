/**
 * Sessions: a random token in an httpOnly cookie, stored only as its hash, with an idle and an
 * absolute expiry. Sets meet every three months, so sessions last long enough to span a cycle's
 * gap only when used; a new device needs a sign-in link.
 */
import type { Store } from '../store/store.js';
import { hashToken, newSecretToken } from './tokens.js';
import { Collection, readRecord, type PersonRecord, type SessionRecord } from './records.js';

/** A session unused for this long ends. */
export const SESSION_IDLE_MS = 30 * 24 * 60 * 60 * 1000;
/** A session ends this long after it began, however much it is used. */
export const SESSION_ABSOLUTE_MS = 120 * 24 * 60 * 60 * 1000;
/** `lastSeenAt` is refreshed at most this often, so reading a page is not a write. */
const TOUCH_INTERVAL_MS = 60 * 60 * 1000;

export interface ResolvedSession {
  /** The stored key (the token's hash); used as the Socket.IO room of this session. */
  sessionKey: string;
  person: PersonRecord;
}

export class Sessions {
  constructor(
    private readonly deps: {
      store: Store;
      now: () => number;
      /** Told when a session ends, so its live connections can close. */
      onSessionEnded: (sessionKey: string) => void;
    },
  ) {}

  /** Starts a session for a person; returns the token for the cookie. */
  async start(personId: string): Promise<{ token: string; sessionKey: string }> {
    const token = newSecretToken();
    const now = this.deps.now();
    const record: SessionRecord = {
      personId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: now + SESSION_ABSOLUTE_MS,
    };
    const sessionKey = hashToken(token);
    await this.deps.store.put(Collection.sessions, sessionKey, record, 0);
    return { token, sessionKey };
  }

  /** The live session a cookie token names, or null (unknown, expired, or person gone). */
  async resolve(token: string | undefined): Promise<ResolvedSession | null> {
    if (!token || token.length > 100) return null;
    const sessionKey = hashToken(token);
    const stored = await this.deps.store.get<SessionRecord>(Collection.sessions, sessionKey);
    if (!stored) return null;
    const now = this.deps.now();
    const session = stored.value;
    if (hasExpired(session, now)) {
      await this.deps.store.delete(Collection.sessions, sessionKey, stored.version);
      this.deps.onSessionEnded(sessionKey);
      return null;
    }
    const person = await readRecord<PersonRecord>(
      this.deps.store,
      Collection.people,
      session.personId,
    );
    if (!person) return null;
    if (now - session.lastSeenAt > TOUCH_INTERVAL_MS) {
      // A lost race here only means another request touched it first.
      await this.deps.store.put(
        Collection.sessions,
        sessionKey,
        { ...session, lastSeenAt: now },
        stored.version,
      );
    }
    return { sessionKey, person };
  }

  /**
   * Whether the session stored under `sessionKey` is still live, without touching it (a
   * connection recovering after a brief disconnection was opened with it).
   */
  async isLive(sessionKey: string): Promise<boolean> {
    const stored = await this.deps.store.get<SessionRecord>(Collection.sessions, sessionKey);
    return stored !== null && !hasExpired(stored.value, this.deps.now());
  }

  /** Ends a session (sign-out, or rotation when a link is redeemed). */
  async end(sessionKey: string): Promise<void> {
    const stored = await this.deps.store.get(Collection.sessions, sessionKey);
    if (stored) await this.deps.store.delete(Collection.sessions, sessionKey, stored.version);
    this.deps.onSessionEnded(sessionKey);
  }
}

function hasExpired(session: SessionRecord, now: number): boolean {
  return now >= session.expiresAt || now >= session.lastSeenAt + SESSION_IDLE_MS;
}

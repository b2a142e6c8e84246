/**
 * Sessions: a random token in an httpOnly cookie, stored only as its hash, with an idle and an
 * absolute expiry. Sets meet about every three months, so the idle limit (default 120 days)
 * outlasts the longest gap between planned meetings and a session used at each meeting lasts the
 * set's year (absolute limit, default 400 days). Both are configurable (SESSION_IDLE_DAYS,
 * SESSION_ABSOLUTE_DAYS; docs/security.md).
 */
import type { Store } from '../store/store.js';
import { hashToken, newSecretToken } from './tokens.js';
import { Collection, readPerson, type PersonRecord, type SessionRecord } from './records.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface SessionLifetime {
  /** A session unused for this long ends. */
  idleMs: number;
  /** A session ends this long after it began, however much it is used. */
  absoluteMs: number;
}

export const DEFAULT_SESSION_LIFETIME: SessionLifetime = {
  idleMs: 120 * DAY_MS,
  absoluteMs: 400 * DAY_MS,
};
/** `lastSeenAt` is refreshed at most this often, so reading a page is not a write. */
const TOUCH_INTERVAL_MS = 60 * 60 * 1000;

export interface ResolvedSession {
  /** The stored key (the token's hash); used as the Socket.IO room of this session. */
  sessionKey: string;
  person: PersonRecord;
  /** Whether it may open what is only the person's (see `SessionRecord.strong`). */
  strong: boolean;
}

/** How a session began. */
export interface SessionOrigin {
  strong: boolean;
  /** Who issued the link it began with, when that was someone else. */
  issuedBy?: string | null;
}

export class Sessions {
  constructor(
    private readonly deps: {
      store: Store;
      now: () => number;
      lifetime?: SessionLifetime;
      /** Told when a session ends, so its live connections can close. */
      onSessionEnded: (sessionKey: string) => void;
    },
  ) {
    this.lifetime = deps.lifetime ?? DEFAULT_SESSION_LIFETIME;
  }

  readonly lifetime: SessionLifetime;

  /** Starts a session for a person; returns the token for the cookie. */
  async start(
    personId: string,
    origin: SessionOrigin = { strong: true },
  ): Promise<{ token: string; sessionKey: string }> {
    const token = newSecretToken();
    const now = this.deps.now();
    const record: SessionRecord = {
      personId,
      strong: origin.strong,
      issuedBy: origin.issuedBy ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: now + this.lifetime.absoluteMs,
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
    if (this.hasExpired(session, now)) {
      await this.deps.store.delete(Collection.sessions, sessionKey, stored.version);
      this.deps.onSessionEnded(sessionKey);
      return null;
    }
    const person = await readPerson(this.deps.store, session.personId);
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
    return { sessionKey, person, strong: session.strong !== false };
  }

  /** Marks a session strong: the person has just proved it is them (recovery code, passkey). */
  async strengthen(sessionKey: string): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const stored = await this.deps.store.get<SessionRecord>(Collection.sessions, sessionKey);
      if (!stored) return;
      const result = await this.deps.store.put(
        Collection.sessions,
        sessionKey,
        { ...stored.value, strong: true, issuedBy: null },
        stored.version,
      );
      if (result.ok) return;
    }
  }

  /**
   * Whether the session stored under `sessionKey` is still live, without touching it (a
   * connection recovering after a brief disconnection was opened with it).
   */
  async isLive(sessionKey: string): Promise<boolean> {
    const endsAt = await this.endOf(sessionKey);
    return endsAt !== null && this.deps.now() < endsAt;
  }

  /**
   * When the session stored under `sessionKey` ends unless it is used (or is ended) before then;
   * null when there is no such session. It only moves when the session's record is written.
   */
  async endOf(sessionKey: string): Promise<number | null> {
    const stored = await this.deps.store.get<SessionRecord>(Collection.sessions, sessionKey);
    return stored === null ? null : this.endsAt(stored.value);
  }

  /** Ends a session (sign-out, or rotation when a link is redeemed). */
  async end(sessionKey: string): Promise<void> {
    const stored = await this.deps.store.get(Collection.sessions, sessionKey);
    if (stored) await this.deps.store.delete(Collection.sessions, sessionKey, stored.version);
    this.deps.onSessionEnded(sessionKey);
  }

  private hasExpired(session: SessionRecord, now: number): boolean {
    return now >= this.endsAt(session);
  }

  private endsAt(session: SessionRecord): number {
    return Math.min(session.expiresAt, session.lastSeenAt + this.lifetime.idleMs);
  }
}

/**
 * Private calendar feeds (docs/set-year.md): each person may have one secret feed address with
 * their meetings and action due dates. The token (256 random bits) is shown once and stored
 * only as its hash; revoking it makes the address answer 404, regenerating replaces it.
 */
import { hashToken, newSecretToken } from '../access/tokens.js';
import type { Store } from '../store/store.js';

export const Feeds = {
  /** Token hash → `{ personId, createdAt }`. */
  byToken: 'calendar-feeds',
  /** Person id → `{ tokenHash, createdAt }`. */
  byPerson: 'calendar-feed-of',
} as const;

interface FeedOfPerson {
  tokenHash: string;
  createdAt: number;
}

interface FeedToken {
  personId: string;
  createdAt: number;
}

export class CalendarFeeds {
  constructor(private readonly deps: { store: Store; now: () => number }) {}

  /** Whether the person has a feed, and since when. */
  async of(personId: string): Promise<{ createdAt: number } | null> {
    const record = await this.deps.store.get<FeedOfPerson>(Feeds.byPerson, personId);
    return record ? { createdAt: record.value.createdAt } : null;
  }

  /** A new feed token for the person; any earlier one stops working at once. */
  async regenerate(personId: string): Promise<string> {
    await this.revoke(personId);
    const token = newSecretToken();
    const createdAt = this.deps.now();
    const tokenHash = hashToken(token);
    const { store } = this.deps;
    await store.put<FeedToken>(Feeds.byToken, tokenHash, { personId, createdAt }, 0);
    const written = await store.put<FeedOfPerson>(
      Feeds.byPerson,
      personId,
      { tokenHash, createdAt },
      0,
    );
    if (!written.ok) {
      // Someone regenerated at the same moment: theirs stands, this one is withdrawn.
      await this.deleteToken(tokenHash);
      throw new Error('calendar feed changed concurrently');
    }
    return token;
  }

  /** Stops the person's feed address working. */
  async revoke(personId: string): Promise<void> {
    const { store } = this.deps;
    const current = await store.get<FeedOfPerson>(Feeds.byPerson, personId);
    if (!current) return;
    await this.deleteToken(current.value.tokenHash);
    await store.delete(Feeds.byPerson, personId, current.version);
  }

  /** Whose feed a token opens, or null (unknown or revoked). */
  async personOf(token: string): Promise<string | null> {
    const tokenHash = hashToken(token);
    const record = await this.deps.store.get<FeedToken>(Feeds.byToken, tokenHash);
    if (!record) return null;
    // The person's current feed must still be this one (a regenerated feed retires the old).
    const current = await this.deps.store.get<FeedOfPerson>(Feeds.byPerson, record.value.personId);
    return current?.value.tokenHash === tokenHash ? record.value.personId : null;
  }

  private async deleteToken(tokenHash: string): Promise<void> {
    const record = await this.deps.store.get(Feeds.byToken, tokenHash);
    if (record) await this.deps.store.delete(Feeds.byToken, tokenHash, record.version);
  }
}

/**
 * WebAuthn challenges, kept in the Store so that whichever instance receives the browser's reply
 * can check it. Each is random (256 bits, from `newSecretToken`), lasts a few minutes, and is
 * taken by its first use: the record is deleted with compare-and-set, so of two replies carrying
 * the same challenge exactly one gets it, and a replayed reply finds nothing.
 */
import type { Store } from '../store/store.js';
import { Collection } from './records.js';
import { newSecretToken } from './tokens.js';

/** How long a person has to answer their device's prompt. */
export const CHALLENGE_MINUTES = 5;

export type CeremonyPurpose = 'add' | 'sign_in';

interface ChallengeRecord {
  purpose: CeremonyPurpose;
  /** Whose passkey is being added; null when signing in (nobody is known yet). */
  personId: string | null;
  expiresAt: number;
}

/** A challenge as WebAuthn carries it: 43 base64url characters. */
const CHALLENGE_FORM = /^[A-Za-z0-9_-]{43}$/;

export class PasskeyChallenges {
  constructor(private readonly deps: { store: Store; now: () => number }) {}

  /** A new challenge for one ceremony. */
  async issue(purpose: CeremonyPurpose, personId: string | null): Promise<string> {
    await this.forgetExpired();
    const challenge = newSecretToken();
    const record: ChallengeRecord = {
      purpose,
      personId,
      expiresAt: this.deps.now() + CHALLENGE_MINUTES * 60_000,
    };
    await this.deps.store.put(Collection.passkeyChallenges, challenge, record, 0);
    return challenge;
  }

  /**
   * Takes the challenge for `purpose` (and, when adding, `personId`): true only for the first
   * use of a challenge this server issued for exactly that, within its time.
   */
  async take(challenge: string, purpose: CeremonyPurpose, personId: string | null) {
    if (!CHALLENGE_FORM.test(challenge)) return false;
    const { store } = this.deps;
    const stored = await store.get<ChallengeRecord>(Collection.passkeyChallenges, challenge);
    if (!stored) return false;
    const taken = await store.delete(Collection.passkeyChallenges, challenge, stored.version);
    if (!taken.ok) return false;
    const { value } = stored;
    return (
      value.purpose === purpose && value.personId === personId && this.deps.now() < value.expiresAt
    );
  }

  /** Challenges nobody answered are dropped when the next one is made, so few ever pile up. */
  private async forgetExpired(): Promise<void> {
    const { store } = this.deps;
    const now = this.deps.now();
    const all = await store.list<ChallengeRecord>(Collection.passkeyChallenges);
    for (const entry of all) {
      if (entry.value.expiresAt <= now) {
        await store.delete(Collection.passkeyChallenges, entry.id, entry.version);
      }
    }
  }
}

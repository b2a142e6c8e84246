/**
 * Recovery codes: one per person, shown once when they join (and whenever they make a new one),
 * stored only as its SHA-256, and spent by its first use. Using it proves it is them after a
 * sign-in with a link someone else issued (docs/security.md, "Recovery"). 16 characters from a
 * 32-letter alphabet without look-alikes: 80 random bits, and attempts are rate-limited.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Store } from '../store/store.js';
import type { AuditLog } from './audit-log.js';
import { Collection } from './records.js';
import { hashToken } from './tokens.js';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const LENGTH = 16;

interface RecoveryCodeRecord {
  hash: string;
  createdAt: number;
  usedAt: number | null;
}

export class RecoveryCodes {
  constructor(private readonly deps: { store: Store; now: () => number; audit: AuditLog }) {}

  /** Makes a new code for the person (any older one stops working); returns it for showing. */
  async issue(personId: string): Promise<string> {
    const bytes = randomBytes(LENGTH);
    const code = Array.from(bytes, (byte) => ALPHABET[byte & 31]).join('');
    const record: RecoveryCodeRecord = {
      hash: hashToken(code),
      createdAt: this.deps.now(),
      usedAt: null,
    };
    const { store } = this.deps;
    for (let attempt = 0; attempt < 5; attempt++) {
      const stored = await store.get<RecoveryCodeRecord>(Collection.recoveryCodes, personId);
      const result = await store.put(
        Collection.recoveryCodes,
        personId,
        record,
        stored?.version ?? 0,
      );
      if (result.ok) break;
    }
    await this.deps.audit.record({ action: 'recovery_code.created', actorId: personId });
    return code.match(/.{4}/g)!.join('-');
  }

  /** Whether the person holds an unspent code. */
  async has(personId: string): Promise<boolean> {
    const stored = await this.deps.store.get<RecoveryCodeRecord>(
      Collection.recoveryCodes,
      personId,
    );
    return stored !== null && stored.value.usedAt === null;
  }

  /**
   * Spends the person's code if `code` (normalised: 16 upper-case letters and digits) is it.
   * Compare-and-set: of two simultaneous uses exactly one succeeds.
   */
  async use(personId: string, code: string): Promise<boolean> {
    const { store } = this.deps;
    const stored = await store.get<RecoveryCodeRecord>(Collection.recoveryCodes, personId);
    if (!stored || stored.value.usedAt !== null) return false;
    const expected = Buffer.from(stored.value.hash, 'hex');
    const given = Buffer.from(hashToken(code), 'hex');
    if (!timingSafeEqual(expected, given)) return false;
    const result = await store.put(
      Collection.recoveryCodes,
      personId,
      { ...stored.value, usedAt: this.deps.now() },
      stored.version,
    );
    if (!result.ok) return false;
    await this.deps.audit.record({ action: 'recovery_code.used', actorId: personId });
    return true;
  }
}

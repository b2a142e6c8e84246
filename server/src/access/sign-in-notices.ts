/**
 * Telling a person each time a sign-in link someone else issued was used to sign in as them:
 * who issued it and when. Shown in the app on their next visit until they acknowledge it (and
 * e-mailed when the deployment sends mail).
 */
import type { SignInNotice } from '@setboard/shared';
import type { Store } from '../store/store.js';
import { Collection, readPerson } from './records.js';
import { OPERATOR_ID } from './links.js';
import { newId } from './tokens.js';

interface NoticeRecord {
  id: string;
  at: number;
  issuedBy: string;
  issuedAt: number;
  seenAt: number | null;
}

/** How many unseen notices are kept and shown; older ones are in the audit log. */
const MAX_SHOWN = 20;

export class SignInNotices {
  constructor(private readonly deps: { store: Store; now: () => number }) {}

  async record(personId: string, link: { createdBy: string; createdAt: number }): Promise<void> {
    const at = this.deps.now();
    const notice: NoticeRecord = {
      id: `${at.toString().padStart(15, '0')}-${newId()}`,
      at,
      issuedBy: link.createdBy,
      issuedAt: link.createdAt,
      seenAt: null,
    };
    await this.deps.store.put(Collection.signInNotices(personId), notice.id, notice, 0);
  }

  async unseen(personId: string): Promise<SignInNotice[]> {
    const records = await this.deps.store.list<NoticeRecord>(Collection.signInNotices(personId));
    const unseen = records
      .map((record) => record.value)
      .filter((notice) => notice.seenAt === null)
      .sort((a, b) => b.at - a.at)
      .slice(0, MAX_SHOWN);
    return Promise.all(
      unseen.map(async (notice) => ({
        id: notice.id,
        at: notice.at,
        issuedAt: notice.issuedAt,
        issuedByName: await issuerName(this.deps.store, notice.issuedBy),
      })),
    );
  }

  async markSeen(personId: string, ids: string[]): Promise<void> {
    const collection = Collection.signInNotices(personId);
    for (const id of ids) {
      const stored = await this.deps.store.get<NoticeRecord>(collection, id);
      if (!stored || stored.value.seenAt !== null) continue;
      await this.deps.store.put(
        collection,
        id,
        { ...stored.value, seenAt: this.deps.now() },
        stored.version,
      );
    }
  }
}

/** The issuer's name as the person is told it. */
export async function issuerName(store: Store, issuedBy: string): Promise<string> {
  if (issuedBy === OPERATOR_ID) return 'whoever runs Setboard';
  return (await readPerson(store, issuedBy))?.name ?? 'someone no longer on Setboard';
}

/**
 * A person's own account: their e-mail address, their ways back in, and whether this session may
 * open what is only theirs. Changing anything here needs a strong sign-in (docs/security.md).
 */
import type { AccountStanding } from '@setboard/shared';
import type { Store } from '../store/store.js';
import type { AuditLog } from './audit-log.js';
import { refuse } from './errors.js';
import { Collection, updateRecord, type PersonRecord } from './records.js';
import type { RecoveryCodes } from './recovery-codes.js';
import type { ResolvedSession } from './sessions.js';
import type { SignInNotices } from './sign-in-notices.js';
import { AccessError } from './errors.js';
import { ErrorCode } from '@setboard/shared';

export class Accounts {
  constructor(
    private readonly deps: {
      store: Store;
      audit: AuditLog;
      recoveryCodes: RecoveryCodes;
      notices: SignInNotices;
    },
  ) {}

  async standingOf(session: ResolvedSession): Promise<AccountStanding> {
    const { person } = session;
    return {
      email: person.email ?? '',
      passkeys: await this.passkeyCount(person.id),
      hasRecoveryCode: await this.deps.recoveryCodes.has(person.id),
      strongSignIn: session.strong,
      signInNotices: await this.deps.notices.unseen(person.id),
    };
  }

  async passkeyCount(personId: string): Promise<number> {
    return (await this.deps.store.list(Collection.passkeys(personId))).length;
  }

  /** Sets (or with '' removes) the person's e-mail address; one address per person. */
  async setEmail(personId: string, email: string): Promise<PersonRecord> {
    if (email) {
      const people = await this.deps.store.list<PersonRecord>(Collection.people);
      if (people.some((record) => record.id !== personId && record.value.email === email)) {
        throw refuse.conflict('Someone else on Setboard uses that address. Enter your own.');
      }
    }
    const updated = await updateRecord<PersonRecord>(
      this.deps.store,
      Collection.people,
      personId,
      (person) => ({ ...person, email }),
    );
    await this.deps.audit.record({ action: 'account.email_changed', actorId: personId });
    return updated;
  }
}

/** Refuses unless the session may open what is only the person's. */
export function requireStrongSignIn(session: ResolvedSession | null): void {
  if (!session) throw refuse.unauthenticated();
  if (!session.strong) {
    throw new AccessError(
      403,
      ErrorCode.strongSignInNeeded,
      'You signed in with a link someone else issued. To open this, sign in with your passkey, enter your recovery code under “Your account”, or sign in with a link e-mailed to you.',
    );
  }
}

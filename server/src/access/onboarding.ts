/**
 * How people get in: the first organiser through the set-up link printed at start, everyone else
 * through an invitation, and back in on a new device through a sign-in link. Each ends with a new
 * session (any session the browser already had is ended: the session id rotates).
 */
import type { z } from 'zod';
import type { ProfileInput } from '@setboard/shared';
import type { Store } from '../store/store.js';
import type { AuditLog } from './audit-log.js';
import { refuse } from './errors.js';
import type { Links } from './links.js';
import {
  Collection,
  createRecord,
  readRecord,
  updateRecord,
  type PersonRecord,
  type SetupRecord,
} from './records.js';
import type { Sessions } from './sessions.js';
import type { Sets } from './sets.js';
import { hashToken, newId, newSecretToken } from './tokens.js';

type Profile = z.output<typeof ProfileInput>;

const SETUP_ID = 'setup';

export interface SignedIn {
  person: PersonRecord;
  sessionToken: string;
  sessionKey: string;
}

export class Onboarding {
  constructor(
    private readonly deps: {
      store: Store;
      now: () => number;
      audit: AuditLog;
      links: Links;
      sets: Sets;
      sessions: Sessions;
    },
  ) {}

  /** Whether the first organiser has yet to use the set-up link. */
  async setupPending(): Promise<boolean> {
    const setup = await readRecord<SetupRecord>(this.deps.store, Collection.system, SETUP_ID);
    return setup?.completedAt == null;
  }

  /**
   * A fresh one-time set-up token while nobody has set up the server (older tokens stop
   * working), or null once someone has.
   */
  async issueSetupToken(): Promise<string | null> {
    const token = newSecretToken();
    const fresh: SetupRecord = {
      tokenHash: hashToken(token),
      createdAt: this.deps.now(),
      completedAt: null,
    };
    const stored = await this.deps.store.get<SetupRecord>(Collection.system, SETUP_ID);
    if (stored?.value.completedAt != null) return null;
    const result = await this.deps.store.put(
      Collection.system,
      SETUP_ID,
      fresh,
      stored?.version ?? 0,
    );
    return result.ok ? token : null;
  }

  /** The first organiser signs up with the set-up token. */
  async completeSetup(
    token: string,
    profile: Profile,
    previousSessionKey: string | null,
  ): Promise<SignedIn> {
    const person = this.newPerson(profile, true);
    const setup = await readRecord<SetupRecord>(this.deps.store, Collection.system, SETUP_ID);
    if (!setup) throw refuse.linkUnknown();
    await updateRecord<SetupRecord>(this.deps.store, Collection.system, SETUP_ID, (current) => {
      if (current.completedAt != null) throw refuse.linkUsed();
      if (current.tokenHash !== hashToken(token)) throw refuse.linkUnknown();
      return { ...current, completedAt: this.deps.now() };
    });
    await createRecord(this.deps.store, Collection.people, person.id, person);
    await this.deps.audit.record({ action: 'setup.completed', actorId: person.id });
    return this.signIn(person, previousSessionKey);
  }

  /** Accepts an invitation: the person (new, or the one signed in) joins the set or organisers. */
  async acceptInvitation(
    token: string,
    profile: Profile,
    current: { person: PersonRecord; sessionKey: string } | null,
  ): Promise<{ signedIn: SignedIn; setId: string | null }> {
    const link = await this.deps.links.findUsable(token, ['member', 'facilitator', 'organiser']);
    const person = current?.person ?? this.newPerson(profile, false);
    // The claim is the moment of truth: of simultaneous acceptances exactly one gets past it.
    await this.deps.links.claim(link, 'used', person.id);
    if (!current) await createRecord(this.deps.store, Collection.people, person.id, person);
    if (link.kind === 'organiser') {
      await updateRecord<PersonRecord>(this.deps.store, Collection.people, person.id, (stored) => ({
        ...stored,
        isOrganiser: true,
      }));
    } else if (link.setId) {
      await this.deps.sets.addMember(
        link.setId,
        person.id,
        link.kind === 'facilitator' ? 'facilitator' : 'member',
      );
    }
    await this.deps.audit.record({
      action: 'link.redeemed',
      actorId: person.id,
      setId: link.setId,
      detail: link.kind,
    });
    const refreshed =
      (await readRecord<PersonRecord>(this.deps.store, Collection.people, person.id)) ?? person;
    return {
      signedIn: await this.signIn(refreshed, current?.sessionKey ?? null),
      setId: link.setId,
    };
  }

  /** Declines an invitation; nothing about the person is kept. */
  async declineInvitation(token: string): Promise<void> {
    const link = await this.deps.links.findUsable(token, ['member', 'facilitator', 'organiser']);
    await this.deps.links.claim(link, 'declined', null);
    await this.deps.audit.record({ action: 'link.declined', setId: link.setId, detail: link.kind });
  }

  /** Signs a known person in on a new device with their sign-in link. */
  async redeemSignInLink(token: string, previousSessionKey: string | null): Promise<SignedIn> {
    const link = await this.deps.links.findUsable(token, ['sign_in']);
    const claimed = await this.deps.links.claim(link, 'used', link.personId);
    const person = claimed.personId
      ? await readRecord<PersonRecord>(this.deps.store, Collection.people, claimed.personId)
      : null;
    if (!person) throw refuse.linkUnknown();
    await this.deps.audit.record({
      action: 'link.redeemed',
      actorId: person.id,
      setId: link.setId,
      detail: 'sign_in',
    });
    return this.signIn(person, previousSessionKey);
  }

  private async signIn(person: PersonRecord, previousSessionKey: string | null): Promise<SignedIn> {
    if (previousSessionKey) await this.deps.sessions.end(previousSessionKey);
    const { token, sessionKey } = await this.deps.sessions.start(person.id);
    await this.deps.audit.record({ action: 'session.created', actorId: person.id });
    return { person, sessionToken: token, sessionKey };
  }

  private newPerson(profile: Profile, isOrganiser: boolean): PersonRecord {
    return { id: newId(), ...profile, isOrganiser, createdAt: this.deps.now() };
  }
}

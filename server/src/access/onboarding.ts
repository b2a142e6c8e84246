/**
 * How people get in: the first organiser through the set-up link printed at start, everyone else
 * through an invitation, and back in on a new device through a sign-in link. Each ends with a new
 * session (any session the browser already had is ended: the session id rotates).
 */
import { createHmac } from 'node:crypto';
import type { z } from 'zod';
import { givesBand, type ProfileInput } from '@setboard/shared';
import type { Logger } from '../logger.js';
import { delegatedSignInMail } from '../mail/access-mail.js';
import type { Mailer } from '../mail/mailer.js';
import type { Store } from '../store/store.js';
import type { AuditLog } from './audit-log.js';
import { refuse } from './errors.js';
import type { Links } from './links.js';
import {
  Collection,
  createRecord,
  readPerson,
  readRecord,
  updateRecord,
  type PersonRecord,
  type SetupRecord,
} from './records.js';
import type { RecoveryCodes } from './recovery-codes.js';
import type { SessionOrigin, Sessions } from './sessions.js';
import { issuerName, type SignInNotices } from './sign-in-notices.js';
import type { Sets } from './sets.js';
import { hashToken, newId, newSecretToken } from './tokens.js';

type Profile = z.output<typeof ProfileInput>;

const SETUP_ID = 'setup';

/** The set-up token a stored seed stands for (43 base64url characters, like every link token). */
function setupTokenFrom(seed: string): string {
  return createHmac('sha256', seed).update('setboard set-up link').digest('base64url');
}

export interface SignedIn {
  person: PersonRecord;
  sessionToken: string;
  sessionKey: string;
  strong: boolean;
  /** How long the browser should keep the cookie: the session's absolute lifetime. */
  cookieMaxAgeMs: number;
  /** A recovery code made for someone who has just joined: shown to them once. */
  recoveryCode?: string;
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
      recoveryCodes: RecoveryCodes;
      notices: SignInNotices;
      mailer: Mailer | null;
      logger: Logger;
    },
  ) {}

  /** Whether the first organiser has yet to use the set-up link. */
  async setupPending(): Promise<boolean> {
    const setup = await readRecord<SetupRecord>(this.deps.store, Collection.system, SETUP_ID);
    return setup?.completedAt == null;
  }

  /**
   * The deployment's one set-up token while nobody has set the server up, or null once someone
   * has. It lives in the store: the first instance to ask makes it (compare-and-set), every
   * other instance — and every restart — reads the same one, so every log shows a working link.
   */
  async setupToken(): Promise<string | null> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const stored = await this.deps.store.get<SetupRecord>(Collection.system, SETUP_ID);
      if (stored?.value.completedAt != null) return null;
      if (stored?.value.seed) return setupTokenFrom(stored.value.seed);
      const token = await this.replaceSetupToken(stored?.version ?? 0);
      if (token) return token;
    }
    throw refuse.conflict();
  }

  /**
   * Deliberately makes a new set-up token (the operator's `npm run admin -- setup-link --new`):
   * links printed before stop working. Null once set-up is done.
   */
  async newSetupToken(): Promise<string | null> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const stored = await this.deps.store.get<SetupRecord>(Collection.system, SETUP_ID);
      if (stored?.value.completedAt != null) return null;
      const token = await this.replaceSetupToken(stored?.version ?? 0);
      if (token) return token;
    }
    throw refuse.conflict();
  }

  private async replaceSetupToken(version: number): Promise<string | null> {
    const seed = newSecretToken();
    const token = setupTokenFrom(seed);
    const fresh: SetupRecord = {
      tokenHash: hashToken(token),
      seed,
      createdAt: this.deps.now(),
      completedAt: null,
    };
    const result = await this.deps.store.put(Collection.system, SETUP_ID, fresh, version);
    return result.ok ? token : null;
  }

  /** The first organiser signs up with the set-up token. */
  async completeSetup(
    token: string,
    profile: Profile,
    previousSessionKey: string | null,
  ): Promise<SignedIn> {
    const person = this.newPerson({ ...profile, band: null }, true);
    const setup = await readRecord<SetupRecord>(this.deps.store, Collection.system, SETUP_ID);
    if (!setup) throw refuse.linkUnknown();
    await updateRecord<SetupRecord>(this.deps.store, Collection.system, SETUP_ID, (current) => {
      if (current.completedAt != null) throw refuse.linkUsed();
      if (current.tokenHash !== hashToken(token)) throw refuse.linkUnknown();
      return { ...current, seed: null, completedAt: this.deps.now() };
    });
    await createRecord(this.deps.store, Collection.people, person.id, person);
    await this.deps.audit.record({ action: 'setup.completed', actorId: person.id });
    const signedIn = await this.signIn(person, previousSessionKey);
    return { ...signedIn, recoveryCode: await this.deps.recoveryCodes.issue(person.id) };
  }

  /** Accepts an invitation: the person (new, or the one signed in) joins the set or organisers. */
  async acceptInvitation(
    token: string,
    profile: Profile,
    current: { person: PersonRecord; sessionKey: string } | null,
  ): Promise<{ signedIn: SignedIn; setId: string | null }> {
    const link = await this.deps.links.findUsable(token, ['member', 'facilitator', 'organiser']);
    // Only members are asked for their band; nobody else's is kept (docs/domain.md).
    const asked = link.kind !== 'sign_in' && givesBand(link.kind);
    const band = asked ? (profile.band ?? current?.person.band ?? null) : null;
    if (asked && band === null) {
      throw refuse.invalid([{ path: 'profile.band', message: 'Choose a band' }]);
    }
    // A newcomer's address is the one the invitation was sent to; they can change it later.
    const person = current?.person ?? {
      ...this.newPerson({ ...profile, band }, false),
      email: link.email.trim().toLowerCase(),
    };
    // The claim is the moment of truth: of simultaneous acceptances exactly one gets past it.
    await this.deps.links.claim(link, 'used', person.id);
    if (!current) await createRecord(this.deps.store, Collection.people, person.id, person);
    if (current && asked && current.person.band === null) {
      // Someone first met as a facilitator or organiser gives their band on joining as a member.
      await updateRecord<PersonRecord>(this.deps.store, Collection.people, person.id, (stored) => ({
        ...stored,
        band,
      }));
    }
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
    const refreshed = (await readPerson(this.deps.store, person.id)) ?? person;
    const signedIn = await this.signIn(refreshed, current?.sessionKey ?? null);
    return {
      signedIn: current
        ? signedIn
        : { ...signedIn, recoveryCode: await this.deps.recoveryCodes.issue(person.id) },
      setId: link.setId,
    };
  }

  /** Declines an invitation; nothing about the person is kept. */
  async declineInvitation(token: string): Promise<void> {
    const link = await this.deps.links.findUsable(token, ['member', 'facilitator', 'organiser']);
    await this.deps.links.claim(link, 'declined', null);
    await this.deps.audit.record({ action: 'link.declined', setId: link.setId, detail: link.kind });
  }

  /**
   * Signs a known person in on a new device with their sign-in link. A link someone else issued
   * makes a session that opens their sets but not what is only theirs, and the person is told
   * (in the app, and by mail when it is sent); one they had mailed to themselves is strong.
   */
  async redeemSignInLink(
    token: string,
    previousSessionKey: string | null,
    appOrigin: string,
  ): Promise<SignedIn> {
    const link = await this.deps.links.findUsable(token, ['sign_in']);
    const claimed = await this.deps.links.claim(link, 'used', link.personId);
    const person = claimed.personId ? await readPerson(this.deps.store, claimed.personId) : null;
    if (!person) throw refuse.linkUnknown();
    const issuedByOther = link.createdBy !== person.id;
    await this.deps.audit.record({
      action: 'link.redeemed',
      actorId: person.id,
      setId: link.setId,
      detail: issuedByOther ? 'sign_in:issued_by_other' : 'sign_in',
    });
    if (issuedByOther) {
      await this.deps.notices.record(person.id, link);
      this.mailNotice(person, link, appOrigin);
    }
    return this.signIn(person, previousSessionKey, {
      strong: !issuedByOther,
      issuedBy: issuedByOther ? link.createdBy : null,
    });
  }

  /** Tells the person by mail, after the reply, that someone else's link signed in as them. */
  private mailNotice(
    person: PersonRecord,
    link: { createdBy: string; createdAt: number },
    appOrigin: string,
  ): void {
    const { mailer } = this.deps;
    if (!mailer || !person.email) return;
    const to = person.email;
    void (async () => {
      const message = delegatedSignInMail(to, {
        issuedByName: await issuerName(this.deps.store, link.createdBy),
        issuedAt: link.createdAt,
        at: this.deps.now(),
        appUrl: `${appOrigin}/account`,
      });
      await mailer.send(message);
    })().catch((error: unknown) =>
      this.deps.logger.warn({ err: error }, 'could not send a sign-in notice by e-mail'),
    );
  }

  /** Starts a session for `person`, ending the browser's previous one (the id rotates). */
  async signIn(
    person: PersonRecord,
    previousSessionKey: string | null,
    origin: SessionOrigin = { strong: true },
  ): Promise<SignedIn> {
    if (previousSessionKey) await this.deps.sessions.end(previousSessionKey);
    const { token, sessionKey } = await this.deps.sessions.start(person.id, origin);
    await this.deps.audit.record({ action: 'session.created', actorId: person.id });
    return {
      person,
      sessionToken: token,
      sessionKey,
      strong: origin.strong,
      cookieMaxAgeMs: this.deps.sessions.lifetime.absoluteMs,
    };
  }

  private newPerson(profile: Profile, isOrganiser: boolean): PersonRecord {
    return { id: newId(), ...profile, isOrganiser, createdAt: this.deps.now() };
  }
}

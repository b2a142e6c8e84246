/**
 * Passkeys (WebAuthn) with `@simplewebauthn/server`: a person adds them under "Your account"
 * (after a strong sign-in), names and removes them, and signs in with one from the home page
 * without typing anything (discoverable credentials: the passkey carries the person's id as its
 * user handle). A passkey sign-in is strong. Challenges are single-use and short-lived
 * (passkey-challenges.ts); the signature counter is stored and moved on at every sign-in with
 * compare-and-set, so a cloned or replayed assertion is refused (docs/security.md, "Passkeys").
 */
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticatorTransportFuture,
} from '@simplewebauthn/server';
import type {
  AuthenticationResponse,
  CeremonyOptions,
  PasskeyView,
  RegistrationResponse,
} from '@setboard/shared';
import type { z } from 'zod';
import type { Store } from '../store/store.js';
import type { AuditLog } from './audit-log.js';
import { refuse } from './errors.js';
import {
  CHALLENGE_MINUTES,
  PasskeyChallenges,
  type CeremonyPurpose,
} from './passkey-challenges.js';
import {
  Collection,
  createRecord,
  readPerson,
  updateRecord,
  type PersonRecord,
} from './records.js';
import { newId } from './tokens.js';

/** Where pages of this app live: the WebAuthn relying party (from PUBLIC_URL or the request). */
export interface RelyingParty {
  origin: string;
  /** The origin's host name. */
  rpID: string;
}

interface PasskeyRecord {
  id: string;
  /** The credential id, base64url. */
  credentialId: string;
  /** The COSE public key, base64url. */
  publicKey: string;
  counter: number;
  transports: AuthenticatorTransportFuture[];
  name: string;
  createdAt: number;
  lastUsedAt: number | null;
}

type RegistrationReply = z.output<typeof RegistrationResponse>;
type AuthenticationReply = z.output<typeof AuthenticationResponse>;

const TRANSPORTS: readonly string[] = [
  'ble',
  'cable',
  'hybrid',
  'internal',
  'nfc',
  'smart-card',
  'usb',
] satisfies AuthenticatorTransportFuture[];
const isTransport = (name: string): name is AuthenticatorTransportFuture =>
  TRANSPORTS.includes(name);

const RP_NAME = 'Setboard';
/** The id of the one record in a person's `passkeyRemovals` collection. */
const REMOVALS = 'count';
const TIMEOUT_MS = CHALLENGE_MINUTES * 60_000;

const ceremonyFailed = (message: string) => refuse.invalid([{ path: 'response', message }]);
const EXPIRED = 'That passkey request has expired or was already used. Please try again.';
const NOT_KNOWN =
  'Setboard does not know this passkey. It may have been removed. Sign in another way, then add it again under “Your account”.';

export class Passkeys {
  constructor(
    private readonly deps: {
      store: Store;
      now: () => number;
      audit: AuditLog;
      /** Whether mail is sent, so an e-mail address is a way back in. */
      mailEnabled: boolean;
    },
  ) {
    this.challenges = new PasskeyChallenges(deps);
  }

  private readonly challenges: PasskeyChallenges;

  async list(personId: string): Promise<PasskeyView[]> {
    const records = await this.records(personId);
    return records
      .map(({ id, name, createdAt, lastUsedAt }) => ({ id, name, createdAt, lastUsedAt }))
      .sort((a, b) => a.createdAt - b.createdAt);
  }

  /** Options for the browser to make a new passkey for `person`. */
  async registrationOptions(person: PersonRecord, rp: RelyingParty): Promise<CeremonyOptions> {
    const existing = await this.records(person.id);
    const options = await generateRegistrationOptions({
      rpName: RP_NAME,
      rpID: rp.rpID,
      userID: new TextEncoder().encode(person.id),
      userName: person.email || person.name,
      userDisplayName: person.name,
      challenge: asBytes(await this.challenges.issue('add', person.id)),
      timeout: TIMEOUT_MS,
      attestationType: 'none',
      // One passkey per device: the device says so rather than making a second.
      excludeCredentials: existing.map(({ credentialId, transports }) => ({
        id: credentialId,
        transports,
      })),
      authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
    });
    return { ...options } as CeremonyOptions;
  }

  /** Checks the browser's new passkey against its challenge and keeps it. */
  async add(
    person: PersonRecord,
    reply: RegistrationReply,
    name: string,
    rp: RelyingParty,
  ): Promise<PasskeyView> {
    const challenge = await this.takeChallenge(reply, 'add', person.id);
    // Transports are hints the browser gives; only those WebAuthn names are kept.
    const transports = (reply.response.transports ?? []).filter(isTransport);
    const verification = await verifyRegistrationResponse({
      response: { ...reply, response: { ...reply.response, transports } },
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: false,
    }).catch(() => null);
    if (!verification?.verified) {
      await this.refused(person.id, 'add');
      throw ceremonyFailed('Your device’s passkey could not be checked. Please try again.');
    }
    const { credential } = verification.registrationInfo;
    const existing = await this.records(person.id);
    if (existing.some((record) => record.credentialId === credential.id)) {
      throw refuse.conflict('This passkey is already on your account.');
    }
    const record: PasskeyRecord = {
      id: newId(),
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      counter: credential.counter,
      transports,
      name,
      createdAt: this.deps.now(),
      lastUsedAt: null,
    };
    await createRecord(this.deps.store, Collection.passkeys(person.id), record.id, record);
    await this.deps.audit.record({ action: 'passkey.added', actorId: person.id });
    return { id: record.id, name, createdAt: record.createdAt, lastUsedAt: null };
  }

  async rename(personId: string, passkeyId: string, name: string): Promise<void> {
    await this.existing(personId, passkeyId);
    await updateRecord<PasskeyRecord>(
      this.deps.store,
      Collection.passkeys(personId),
      passkeyId,
      (record) => ({ ...record, name }),
    );
  }

  /**
   * Removes a passkey, unless it is the person's last way back in by themselves: another passkey,
   * or an e-mail address Setboard can send a sign-in link to.
   */
  async remove(person: PersonRecord, passkeyId: string): Promise<void> {
    const { store } = this.deps;
    const collection = Collection.passkeys(person.id);
    // Removals take turns through a counter, read before the passkeys are: if two removals (from
    // two devices) both saw another passkey left, only one may keep its deletion.
    const turns = Collection.passkeyRemovals(person.id);
    const turn = await store.get<{ count: number }>(turns, REMOVALS);
    const stored = await this.existing(person.id, passkeyId);
    const others = (await this.records(person.id)).filter((record) => record.id !== passkeyId);
    const byMail = this.deps.mailEnabled && Boolean(person.email);
    if (others.length === 0 && !byMail) {
      throw refuse.conflict(
        this.deps.mailEnabled
          ? 'This passkey is your only way back in by yourself. Add another passkey, or your e-mail address, before you remove it.'
          : 'This passkey is your only way back in by yourself. Add another passkey before you remove it.',
      );
    }
    const deleted = await store.delete(collection, passkeyId, stored.version);
    if (!deleted.ok) throw refuse.conflict();
    const count = (turn?.value.count ?? 0) + 1;
    const claimed = await store.put(turns, REMOVALS, { count }, turn?.version ?? 0);
    if (!claimed.ok) {
      // Another removal went first: this passkey comes back, and the person can try again.
      await store.put(collection, passkeyId, stored.value, 0);
      throw refuse.conflict();
    }
    await this.deps.audit.record({ action: 'passkey.removed', actorId: person.id });
  }

  /** Options for "Sign in with a passkey": any passkey for this site (nobody is named). */
  async signInOptions(rp: RelyingParty): Promise<CeremonyOptions> {
    const options = await generateAuthenticationOptions({
      rpID: rp.rpID,
      challenge: asBytes(await this.challenges.issue('sign_in', null)),
      timeout: TIMEOUT_MS,
      userVerification: 'preferred',
    });
    return { ...options } as CeremonyOptions;
  }

  /** Checks a passkey sign-in; returns whom it signs in. */
  async verifySignIn(response: AuthenticationReply, rp: RelyingParty) {
    const challenge = await this.takeChallenge(response, 'sign_in', null);
    const personId = userHandleOf(response);
    const person = personId ? await readPerson(this.deps.store, personId) : null;
    const stored = person
      ? (await this.deps.store.list<PasskeyRecord>(Collection.passkeys(person.id))).find(
          (entry) => entry.value.credentialId === response.id,
        )
      : undefined;
    if (!person || !stored) {
      await this.refused(null, 'unknown');
      throw ceremonyFailed(NOT_KNOWN);
    }
    const passkey = stored.value;
    const verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      credential: {
        id: passkey.credentialId,
        publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64url')),
        counter: passkey.counter,
        transports: passkey.transports,
      },
      requireUserVerification: false,
    }).catch(() => null);
    if (!verification?.verified) {
      await this.refused(person.id, 'sign_in');
      throw ceremonyFailed('Your passkey could not be checked. Please try again.');
    }
    // The counter moves on with compare-and-set: a second use of the same assertion, or of a
    // cloned authenticator racing this one, finds the record changed and is refused.
    const updated = await this.deps.store.put(
      Collection.passkeys(person.id),
      passkey.id,
      {
        ...passkey,
        counter: verification.authenticationInfo.newCounter,
        lastUsedAt: this.deps.now(),
      },
      stored.version,
    );
    if (!updated.ok) {
      await this.refused(person.id, 'counter');
      throw ceremonyFailed(EXPIRED);
    }
    await this.deps.audit.record({ action: 'passkey.used', actorId: person.id });
    return person;
  }

  private async takeChallenge(
    response: { response: { clientDataJSON: string } },
    purpose: CeremonyPurpose,
    personId: string | null,
  ): Promise<string> {
    const challenge = challengeOf(response.response.clientDataJSON);
    if (!challenge || !(await this.challenges.take(challenge, purpose, personId))) {
      await this.refused(personId, 'challenge');
      throw ceremonyFailed(EXPIRED);
    }
    return challenge;
  }

  private async records(personId: string): Promise<PasskeyRecord[]> {
    const entries = await this.deps.store.list<PasskeyRecord>(Collection.passkeys(personId));
    return entries.map((entry) => entry.value);
  }

  private async existing(personId: string, passkeyId: string) {
    const stored = await this.deps.store.get<PasskeyRecord>(
      Collection.passkeys(personId),
      passkeyId,
    );
    if (!stored) throw refuse.notFound('That passkey');
    return stored;
  }

  private async refused(personId: string | null, detail: string): Promise<void> {
    await this.deps.audit.record({ action: 'passkey.refused', actorId: personId, detail });
  }
}

/** The library sends a challenge given as bytes as their base64url: the same 43 characters. */
function asBytes(challenge: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(challenge, 'base64url'));
}

/** The challenge the browser signed, read from its client data (checked again on verifying). */
function challengeOf(clientDataJSON: string): string | null {
  try {
    const clientData = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as {
      challenge?: unknown;
    };
    return typeof clientData.challenge === 'string' ? clientData.challenge : null;
  } catch {
    return null;
  }
}

/** The person id a discoverable passkey carries as its user handle. */
function userHandleOf(response: AuthenticationReply): string | null {
  const handle = response.response.userHandle;
  if (!handle) return null;
  const id = Buffer.from(handle, 'base64url').toString('utf8');
  return /^[A-Za-z0-9_-]{22}$/.test(id) ? id : null;
}

/**
 * The records the server owns (people, sets, links, sessions, meetings), their collections,
 * typed readers, and compare-and-set helpers. Every change to an access record goes through
 * `updateRecord`, so concurrent writers (on any instance) retry on a fresh copy instead of
 * overwriting each other; meetings have their own read → reduce → compare-and-set loop.
 */
import type {
  Band,
  LinkKind,
  MeetingPlan,
  MeetingState,
  SetLifecycle,
  SetRole,
  SetSettings,
  SizeLimits,
} from '@setboard/shared';
import type { Store, VersionedRecord } from '../store/store.js';
import { refuse } from './errors.js';

export interface PersonRecord {
  id: string;
  name: string;
  organisation: string;
  jobTitle: string;
  /** Null for someone never asked: only members give a band (`givesBand`). */
  band: Band | null;
  bio: string;
  isOrganiser: boolean;
  createdAt: number;
  /**
   * Where mail for them goes (invitations' address, or one they entered), lower case; '' or
   * absent when unknown. Used only when the deployment sends mail.
   */
  email?: string;
}

export interface MemberEntry {
  role: SetRole;
  status: 'active' | 'removed';
  joinedAt: number;
  removedAt: number | null;
  requestedFacilitation: boolean;
}

export interface SetRecord {
  id: string;
  name: string;
  purpose: string;
  lifecycle: SetLifecycle;
  meetings: MeetingPlan[];
  sizeLimits: SizeLimits;
  settings: SetSettings;
  groundRules: string[];
  /** Person id → their place in the set. A set has about ten people, so they live here. */
  members: Record<string, MemberEntry>;
  createdBy: string;
  createdAt: number;
}

export interface LinkRecord {
  id: string;
  kind: LinkKind;
  setId: string | null;
  tokenHash: string;
  email: string;
  note: string;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
  status: 'pending' | 'used' | 'declined' | 'revoked';
  /** For sign-in links: whom it signs in. For used invitations: who accepted. */
  personId: string | null;
  usedAt: number | null;
}

export interface SessionRecord {
  personId: string;
  createdAt: number;
  lastSeenAt: number;
  /**
   * False when the session began with a sign-in link someone else issued: it opens the person's
   * sets but not what is only theirs until a strong sign-in (docs/security.md). Absent on
   * sessions from before this rule: treated as strong.
   */
  strong?: boolean;
  /** Who issued the link that began it, when that was someone else. */
  issuedBy?: string | null;
  /** Absolute expiry; idle expiry is `lastSeenAt` plus the idle limit (sessions.ts). */
  expiresAt: number;
}

/** A live meeting: collection `meetings`, id `<setId>-m<meetingIndex>`. */
export interface MeetingRecord {
  setId: string;
  meetingIndex: number;
  state: MeetingState;
}

export interface SetupRecord {
  tokenHash: string;
  /**
   * While set-up is pending, the seed every instance derives the same set-up token from, so
   * each prints the same link (whoever can read the store owns the deployment anyway); removed
   * once set-up is done. The token itself is never stored.
   */
  seed?: string | null;
  createdAt: number;
  completedAt: number | null;
}

/** Collection names. Index collections hold empty records whose ids are what they index. */
export const Collection = {
  people: 'people',
  sets: 'sets',
  links: 'links',
  /** Token hash → `{ linkId }`. */
  linkTokens: 'link-tokens',
  sessions: 'sessions',
  system: 'system',
  audit: 'audit',
  organiserLinks: 'organiser-links',
  /** Person id → their hashed recovery code. */
  recoveryCodes: 'recovery-codes',
  signInNotices: (personId: string) => `sign-in-notices.${personId}`,
  /** Passkey id → one of the person's passkeys (passkeys.ts). */
  passkeys: (personId: string) => `passkeys.${personId}`,
  /** How many passkeys the person has removed: removals take turns on it (passkeys.ts). */
  passkeyRemovals: (personId: string) => `passkey-removals.${personId}`,
  /** WebAuthn challenge → what it was issued for, until its first use (passkey-challenges.ts). */
  passkeyChallenges: 'passkey-challenges',
  /** Sign-in links not tied to a set (for organisers, from the operator, e-mailed). */
  personalLinks: 'personal-links',
  meetings: 'meetings',
  setLinks: (setId: string) => `set-links.${setId}`,
  personSets: (personId: string) => `person-sets.${personId}`,
} as const;

/** How many times a compare-and-set update is retried before giving up with `conflict`. */
const MAX_CAS_ATTEMPTS = 20;

/** Reads a record's value, or null. */
export async function readRecord<T>(
  store: Store,
  collection: string,
  id: string,
): Promise<T | null> {
  return (await store.get<T>(collection, id))?.value ?? null;
}

/*
 * Typed readers for the records other modules read: each record type is read from its own
 * collection here, so no caller pairs a collection with a type by hand.
 */

export function readPerson(store: Store, personId: string): Promise<PersonRecord | null> {
  return readRecord<PersonRecord>(store, Collection.people, personId);
}

export function readSet(store: Store, setId: string): Promise<SetRecord | null> {
  return readRecord<SetRecord>(store, Collection.sets, setId);
}

export function readLink(store: Store, linkId: string): Promise<LinkRecord | null> {
  return readRecord<LinkRecord>(store, Collection.links, linkId);
}

/** A meeting with its version (for compare-and-set), or null when it was never opened. */
export function readMeeting(
  store: Store,
  meetingId: string,
): Promise<VersionedRecord<MeetingRecord> | null> {
  return store.get<MeetingRecord>(Collection.meetings, meetingId);
}

/** Creates a record that must not exist yet. */
export async function createRecord<T>(
  store: Store,
  collection: string,
  id: string,
  value: T,
): Promise<void> {
  const result = await store.put(collection, id, value, 0);
  if (!result.ok) throw refuse.conflict();
}

/**
 * Applies `change` to the current value and writes it with compare-and-set, retrying on a
 * conflict with the fresh value. `change` may throw an `AccessError` to refuse.
 */
export async function updateRecord<T>(
  store: Store,
  collection: string,
  id: string,
  change: (current: T) => T,
): Promise<T> {
  for (let attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt++) {
    const current = await store.get<T>(collection, id);
    if (!current) throw refuse.notFound();
    const next = change(structuredClone(current.value));
    const result = await store.put(collection, id, next, current.version);
    if (result.ok) return next;
  }
  throw refuse.conflict();
}

/** Adds an id to an index collection (idempotent). */
export async function addToIndex(store: Store, collection: string, id: string): Promise<void> {
  await store.put(collection, id, {}, 0); // a conflict means it is there already
}

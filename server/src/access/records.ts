/**
 * The records the access layer keeps, their collections, and compare-and-set helpers. Every
 * change to a record goes through `updateRecord`, so concurrent writers (on any instance) retry
 * on a fresh copy instead of overwriting each other.
 */
import type {
  Band,
  LinkKind,
  MeetingPlan,
  SetLifecycle,
  SetRole,
  SetSettings,
  SizeLimits,
} from '@setboard/shared';
import type { Store } from '../store/store.js';
import { refuse } from './errors.js';

export interface PersonRecord {
  id: string;
  name: string;
  organisation: string;
  jobTitle: string;
  band: Band;
  bio: string;
  isOrganiser: boolean;
  createdAt: number;
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
  /** Absolute expiry; idle expiry is `lastSeenAt + SESSION_IDLE_MS`. */
  expiresAt: number;
}

export interface SetupRecord {
  tokenHash: string;
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

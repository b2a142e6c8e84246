/**
 * The Store port: the only way the server keeps anything. Two adapters implement it —
 * `SqliteStore` (the zero-setup default, one instance) and `RedisStore` (many instances) — and
 * both pass the same contract suite (tests/integration/store/store-contract.ts).
 *
 * It holds two kinds of state (DESIGN.md):
 * - records the server owns, changed only with compare-and-set on a version number;
 * - Yjs documents, kept as an append-only log of updates that is compacted from time to time.
 *
 * Every key an adapter writes starts with its `keyPrefix`, so several deployments or test runs
 * can share one Redis (or one SQLite file) without seeing each other.
 */

/** A stored record and the version it is at. Versions start at 1 and go up by one per write. */
export interface VersionedRecord<T> {
  value: T;
  version: number;
}

/**
 * The outcome of a compare-and-set. On a conflict, `currentVersion` is what is stored now
 * (0 when the record does not exist), so the caller can reload and retry.
 */
export type CasResult = { ok: true; version: number } | { ok: false; currentVersion: number };

/** Records: small JSON values addressed by collection and id, written with compare-and-set. */
export interface RecordStore {
  /** Reads one record, or `null` when it does not exist. */
  get<T>(collection: string, id: string): Promise<VersionedRecord<T> | null>;
  /**
   * Writes `value` if the stored version equals `expectedVersion` (0 means "must not exist yet").
   * Exactly one of several concurrent writers with the same `expectedVersion` succeeds.
   */
  put<T>(collection: string, id: string, value: T, expectedVersion: number): Promise<CasResult>;
  /** Deletes the record if the stored version equals `expectedVersion`. */
  delete(collection: string, id: string, expectedVersion: number): Promise<CasResult>;
  /** Every record of a collection, in no particular order. */
  list<T>(collection: string): Promise<Array<{ id: string } & VersionedRecord<T>>>;
}

/**
 * A document's stored log. `generation` changes whenever the log is compacted; `compact` takes it
 * back so that two instances compacting at once can never drop each other's updates.
 */
export interface StoredDoc {
  updates: Uint8Array[];
  generation: string;
}

/** Called with an update another instance appended. */
export type DocUpdateListener = (update: Uint8Array) => void;

/** Yjs documents: an append-only, compactable log of V1 updates, shared between instances. */
export interface DocStore {
  /**
   * Appends one accepted update and resolves only once it is durably stored. Then (and only
   * then) other instances subscribed to the doc receive it; this instance's own subscribers
   * do not (it has already applied the update).
   */
  appendUpdate(docName: string, update: Uint8Array): Promise<void>;
  /** The doc's stored updates, oldest first (after compaction the first is a merged snapshot). */
  loadDoc(docName: string): Promise<StoredDoc>;
  /**
   * Replaces the oldest `replaceCount` updates with `merged`, which must contain all of them.
   * Returns `false` (and changes nothing) when the log was compacted by someone else since the
   * `generation` was read; updates appended meanwhile are always kept.
   */
  compactDoc(
    docName: string,
    compaction: { generation: string; replaceCount: number; merged: Uint8Array },
  ): Promise<boolean>;
  /**
   * Starts receiving the updates other instances append to this doc. Resolves once the
   * subscription is live, so a caller that subscribes before loading misses nothing.
   * Returns the function that stops it.
   */
  subscribeDoc(docName: string, listener: DocUpdateListener): Promise<() => Promise<void>>;
  /**
   * Hands an ephemeral message about a doc (presence: who is here, where their cursor is) to the
   * other instances subscribed to that doc's presence. Nothing is stored; delivery is at most
   * once (presence is sent again every few seconds, so a lost message soon heals).
   */
  publishPresence(docName: string, message: Uint8Array): Promise<void>;
  /** Starts receiving other instances' presence messages for a doc; returns the stop function. */
  subscribePresence(docName: string, listener: DocUpdateListener): Promise<() => Promise<void>>;
}

/** How many attempts a key may make in a window, for one named purpose. */
export interface RateLimitOptions {
  /** What is being limited, e.g. `link-redeem`; keeps purposes apart. */
  name: string;
  points: number;
  durationSeconds: number;
}

/** Counts attempts per key (e.g. a client address); shared by every instance on the store. */
export interface RateLimiter {
  /** Records one attempt; `allowed: false` once the key has used up its window. */
  consume(key: string): Promise<{ allowed: boolean; retryAfterMs: number }>;
}

/** The whole port. */
export interface Store extends RecordStore, DocStore {
  /** Which adapter this is, for logs and `/readyz`. */
  readonly kind: 'sqlite' | 'redis';
  /** A rate limiter whose counters live in this store (so they hold across instances). */
  createRateLimiter(options: RateLimitOptions): RateLimiter;
  /** Resolves when the backing store answers; rejects otherwise. Used by `/readyz`. */
  ping(): Promise<void>;
  /** Finishes pending writes and releases connections and files. Idempotent. */
  close(): Promise<void>;
}

/**
 * The Store port: the only way the server keeps anything. Two adapters implement it —
 * `SqliteStore` (the zero-setup default, one instance) and `RedisStore` (many instances) — and
 * both pass the same contract suite (tests/integration/store/store-contract.ts).
 *
 * It holds two kinds of state (docs/architecture.md, "Two kinds of state"):
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
  /**
   * Creates, in one write, each record that does not exist yet (at version 1); records that
   * exist already are left as they are. Returns the ids of those that existed.
   */
  createMany<T>(
    collection: string,
    records: ReadonlyArray<{ id: string; value: T }>,
  ): Promise<string[]>;
  /**
   * For each of `collections`, how many times its records have been written (created, changed
   * or deleted) so far, by anyone on this store. Each count moves in the same atomic step as the
   * write, so a reader that finds the same counts before and after reading some records knows
   * none of them changed meanwhile: a cache of records is trusted only while its counts hold
   * (docs/architecture.md, "The gate's cached context"). Counts only grow.
   */
  changeCounts(collections: readonly string[]): Promise<number[]>;
}

/**
 * A document's stored log. `generation` changes whenever the log is compacted; `compact` takes it
 * back so that two instances compacting at once can never drop each other's updates.
 */
export interface StoredDoc {
  updates: Uint8Array[];
  generation: string;
}

/** Where a doc's log stood when it was loaded: what `replaceDoc` checks is still true. */
export interface DocLogPosition {
  generation: string;
  updateCount: number;
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
   * Replaces the doc's whole stored log by the one update `state` — a rebuilt document, e.g. one
   * from which an erased person's items were left out, or a repaired board. Unlike `compactDoc`,
   * `state` need not contain the old updates: afterwards they are gone from the store.
   *
   * Atomic against appends: it succeeds only while the log is exactly the one `basedOn` describes
   * (the `generation` and `updates.length` of the `loadDoc` that `state` was built from). If
   * anything was appended or compacted since, it returns `false` and changes nothing; the caller
   * loads again, rebuilds and retries. So no accepted update is ever silently dropped.
   *
   * On success the generation moves on (pending compactions of the old log fail) and the new
   * generation is returned. Live copies of the doc (held in memory, or in browsers) still hold
   * the old items; the caller must close their connections and have them reload.
   */
  replaceDoc(
    docName: string,
    state: Uint8Array,
    basedOn: DocLogPosition,
  ): Promise<{ ok: true; generation: string } | { ok: false }>;
  /**
   * Removes every stored update of the doc (it loads as empty afterwards) and moves its generation
   * on, so a compaction in flight cannot write the old content back. Deleting a doc that has no
   * log is not an error.
   */
  deleteDoc(docName: string): Promise<void>;
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
  /**
   * Once a key is over its points, refuse it from memory until its window ends, without asking
   * the store: a flood then costs the store nothing (for limits checked on every command).
   */
  blockInMemory?: boolean;
}

/** Counts attempts per key (e.g. a client address); shared by every instance on the store. */
export interface RateLimiter {
  /**
   * Records one attempt (or `points` at once); `allowed: false` once the key has used up its
   * window.
   */
  consume(key: string, points?: number): Promise<{ allowed: boolean; retryAfterMs: number }>;
}

/** The whole port. */
export interface Store extends RecordStore, DocStore {
  /** Which adapter this is, for logs and `/readyz`. */
  readonly kind: 'sqlite' | 'redis';
  /** A rate limiter whose counters live in this store (so they hold across instances). */
  createRateLimiter(options: RateLimitOptions): RateLimiter;
  /**
   * Makes what was deleted or replaced so far unrecoverable from the backing files, after an
   * erasure. SQLite: deleted rows are already overwritten with zeros (`secure_delete` is on for
   * every connection); this checkpoints the write-ahead log into the database file and truncates
   * it, so old page images no longer sit in `-wal`. Redis keeps no old values in memory once a
   * key is overwritten or deleted, so there it only checks the connection (persistence files
   * are the operator's; docs/privacy.md).
   */
  scrub(): Promise<void>;
  /**
   * Calls `listener` each time the store's subscription comes back after dropping (Redis: the
   * pub/sub connection reconnected), since whatever was published meanwhile was missed. A store
   * whose subscription cannot drop (SQLite, in one process) never calls it.
   */
  onSubscriptionRestored(listener: () => void): void;
  /** Resolves when the backing store answers; rejects otherwise. Used by `/readyz`. */
  ping(): Promise<void>;
  /** Finishes pending writes and releases connections and files. Idempotent. */
  close(): Promise<void>;
}

/**
 * The SQLite adapter of the Store port: the zero-setup default for a single server instance.
 *
 * better-sqlite3 is synchronous, so each record method does all its work in one transaction
 * before it returns; the promise it hands back is already settled. With `synchronous = FULL` in
 * WAL mode a committed transaction is on disk, which is what "durably stored" in store.ts asks for.
 *
 * Doc appends are the hot path (every keystroke): they are group-committed (../group-commit.ts)
 * on a worker thread with its own connection (append-worker.ts), so many appends share one fsync
 * and none blocks the event loop. An in-memory database has no file a second connection could
 * open: its batches commit on this connection instead.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database, Transaction } from 'better-sqlite3';
import type {
  CasResult,
  DocLogPosition,
  DocUpdateListener,
  RateLimiter,
  RateLimitOptions,
  Store,
  StoredDoc,
  VersionedRecord,
} from '../store.js';
import { createSqliteRateLimiter } from '../rate-limits.js';
import {
  DEFAULT_KEY_PREFIX,
  assertCollectionName,
  assertDocName,
  assertRecordId,
} from '../keys.js';
import {
  StoreClosedError,
  asBuffer,
  callListeners,
  assertCompaction,
  assertExpectedVersion,
  assertLogPosition,
  assertUpdate,
  toOwnedBytes,
  toRecordJson,
} from '../adapter-support.js';
import { createSchema } from './schema.js';
import { createDocRewriter, type DocRewriter } from './doc-rewrite.js';
import { prepareStatements, type SqliteStatements } from './statements.js';
import { broadcastToPeers, joinScope, peerScope, type RegisteredPeer } from './peer-registry.js';
import { GroupCommitter, type PendingAppend } from '../group-commit.js';
import { SqliteAppendWorker } from './append-worker.js';

/** How long a write waits for another connection's lock before failing. */
const BUSY_TIMEOUT_MS = 5_000;

/** Options for `new SqliteStore(...)`. */
export interface SqliteStoreOptions {
  /** An open better-sqlite3 handle. The caller owns it: `close()` leaves it open. */
  db: Database;
  /** Namespace for everything this store writes; defaults to `setboard:`. */
  keyPrefix?: string;
  /** Receives errors thrown by doc listeners; defaults to `console.error`. */
  onError?: (error: unknown) => void;
  /** Told the number of appends in each group commit (for metrics). */
  onBatch?: (size: number) => void;
}

/** Options for `SqliteStore.open(...)`. */
export interface SqliteStoreOpenOptions {
  /** Path of the database file; missing directories are created. */
  file: string;
  keyPrefix?: string;
  onError?: (error: unknown) => void;
  onBatch?: (size: number) => void;
}

interface SqliteTransactions {
  put: Transaction<(collection: string, id: string, json: string, expected: number) => CasResult>;
  delete: Transaction<(collection: string, id: string, expected: number) => CasResult>;
  load: Transaction<(docName: string) => StoredDoc>;
  compact: Transaction<
    (docName: string, generation: string, replaceCount: number, merged: Uint8Array) => boolean
  >;
  appendBatch: Transaction<(batch: readonly PendingAppend[]) => void>;
  createMany: Transaction<(collection: string, rows: ReadonlyArray<[string, string]>) => string[]>;
}

/** A Store kept in one SQLite file. */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;

  readonly #db: Database;
  readonly #ns: string;
  readonly #sql: SqliteStatements;
  readonly #onError: (error: unknown) => void;
  readonly #scope: string;
  readonly #peer: RegisteredPeer = {
    deliver: (doc, update) => this.#deliver(this.#listeners, doc, update),
    deliverPresence: (doc, message) => this.#deliver(this.#presenceListeners, doc, message),
  };
  readonly #leaveScope: () => void;
  readonly #listeners = new Map<string, Set<DocUpdateListener>>();
  readonly #presenceListeners = new Map<string, Set<DocUpdateListener>>();
  readonly #tx: SqliteTransactions;
  readonly #rewriter: DocRewriter;
  readonly #appends: GroupCommitter;
  /** Commits appends to a file database; null for in-memory ones (see #commitAppends). */
  readonly #appendWorker: SqliteAppendWorker | null;
  /** Set by `open()`: a store that opened its own file also closes it. */
  #ownsDb = false;
  #closed = false;

  /** Wraps a handle the caller opened; creates the tables if they are missing. */
  constructor(options: SqliteStoreOptions) {
    this.#db = options.db;
    this.#ns = options.keyPrefix ?? DEFAULT_KEY_PREFIX;
    this.#onError = options.onError ?? ((error) => console.error('SqliteStore listener', error));
    createSchema(this.#db);
    this.#sql = prepareStatements(this.#db);
    this.#tx = this.#createTransactions();
    this.#rewriter = createDocRewriter(this.#db, this.#ns);
    this.#appends = new GroupCommitter((batch) => this.#commitAppends(batch), options.onBatch);
    // Started now: the thread takes a moment to load SQLite, which the first keystroke should not wait for.
    this.#appendWorker = this.#db.memory
      ? null
      : new SqliteAppendWorker(this.#db.name, BUSY_TIMEOUT_MS);
    this.#scope = peerScope(this.#db, this.#ns);
    this.#leaveScope = joinScope(this.#scope, this.#peer);
  }

  /**
   * Opens (creating if needed) the database file, in WAL mode with full fsync on commit, and
   * returns a store that owns the handle: its `close()` closes the file.
   */
  static open(options: SqliteStoreOpenOptions): SqliteStore {
    mkdirSync(dirname(options.file), { recursive: true });
    const db = new BetterSqlite3(options.file);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      const store = new SqliteStore({
        db,
        keyPrefix: options.keyPrefix,
        onError: options.onError,
        onBatch: options.onBatch,
      });
      store.#ownsDb = true;
      return store;
    } catch (error) {
      db.close();
      throw error;
    }
  }

  async get<T>(collection: string, id: string): Promise<VersionedRecord<T> | null> {
    this.#checkRecordArgs(collection, id);
    const row = this.#sql.getRecord.get(this.#ns, collection, id);
    return row === undefined ? null : { value: JSON.parse(row.json) as T, version: row.version };
  }

  async put<T>(
    collection: string,
    id: string,
    value: T,
    expectedVersion: number,
  ): Promise<CasResult> {
    this.#checkRecordArgs(collection, id);
    assertExpectedVersion(expectedVersion);
    const json = toRecordJson(value);
    return this.#tx.put.immediate(collection, id, json, expectedVersion);
  }

  async createMany<T>(
    collection: string,
    records: ReadonlyArray<{ id: string; value: T }>,
  ): Promise<string[]> {
    for (const { id } of records) this.#checkRecordArgs(collection, id);
    const rows = records.map(({ id, value }): [string, string] => [id, toRecordJson(value)]);
    return this.#tx.createMany.immediate(collection, rows);
  }

  async delete(collection: string, id: string, expectedVersion: number): Promise<CasResult> {
    this.#checkRecordArgs(collection, id);
    assertExpectedVersion(expectedVersion);
    return this.#tx.delete.immediate(collection, id, expectedVersion);
  }

  async list<T>(collection: string): Promise<Array<{ id: string } & VersionedRecord<T>>> {
    this.#assertOpen();
    assertCollectionName(collection);
    return this.#sql.listRecords.all(this.#ns, collection).map((row) => ({
      id: row.id,
      value: JSON.parse(row.json) as T,
      version: row.version,
    }));
  }

  async changeCounts(collections: readonly string[]): Promise<number[]> {
    this.#assertOpen();
    return collections.map((collection) => {
      assertCollectionName(collection);
      return this.#sql.changeCount.get(this.#ns, collection)?.changes ?? 0;
    });
  }

  async appendUpdate(docName: string, update: Uint8Array): Promise<void> {
    this.#assertOpen();
    assertDocName(docName);
    assertUpdate(update);
    // Copy before anything else: the caller may reuse its buffer once we return.
    const bytes = toOwnedBytes(update);
    return this.#appends.append({ docName, bytes });
  }

  /** Appends made and commits they took (tests check that appends are batched). */
  get appendStats(): { commits: number; appends: number } {
    return this.#appends.stats;
  }

  async loadDoc(docName: string): Promise<StoredDoc> {
    this.#assertOpen();
    assertDocName(docName);
    return this.#tx.load(docName);
  }

  async compactDoc(
    docName: string,
    compaction: { generation: string; replaceCount: number; merged: Uint8Array },
  ): Promise<boolean> {
    this.#assertOpen();
    assertDocName(docName);
    assertCompaction(compaction);
    const { generation, replaceCount, merged } = compaction;
    return this.#tx.compact.immediate(docName, generation, replaceCount, merged);
  }

  async subscribeDoc(docName: string, listener: DocUpdateListener): Promise<() => Promise<void>> {
    return this.#listen(this.#listeners, docName, listener);
  }

  async replaceDoc(
    docName: string,
    state: Uint8Array,
    basedOn: DocLogPosition,
  ): Promise<{ ok: true; generation: string } | { ok: false }> {
    this.#assertOpen();
    assertDocName(docName);
    assertUpdate(state);
    assertLogPosition(basedOn);
    const generation = this.#rewriter.replace(docName, toOwnedBytes(state), basedOn);
    return generation === null ? { ok: false } : { ok: true, generation };
  }

  async deleteDoc(docName: string): Promise<void> {
    this.#assertOpen();
    assertDocName(docName);
    this.#rewriter.remove(docName);
  }

  async scrub(): Promise<void> {
    this.#assertOpen();
    this.#rewriter.scrub();
  }

  async publishPresence(docName: string, message: Uint8Array): Promise<void> {
    this.#assertOpen();
    assertDocName(docName);
    broadcastToPeers(this.#scope, this.#peer, docName, toOwnedBytes(message), 'presence');
  }

  async subscribePresence(
    docName: string,
    listener: DocUpdateListener,
  ): Promise<() => Promise<void>> {
    return this.#listen(this.#presenceListeners, docName, listener);
  }

  #listen(
    byDoc: Map<string, Set<DocUpdateListener>>,
    docName: string,
    listener: DocUpdateListener,
  ): () => Promise<void> {
    this.#assertOpen();
    assertDocName(docName);
    let listeners = byDoc.get(docName);
    if (listeners === undefined) {
      listeners = new Set();
      byDoc.set(docName, listeners);
    }
    // A wrapper, so subscribing the same function twice gives two independent subscriptions.
    const entry: DocUpdateListener = (update) => listener(update);
    listeners.add(entry);
    return async () => {
      listeners.delete(entry);
      if (listeners.size === 0 && byDoc.get(docName) === listeners) byDoc.delete(docName);
    };
  }

  createRateLimiter(options: RateLimitOptions): RateLimiter {
    return createSqliteRateLimiter(this.#db, this.#ns, options);
  }

  onSubscriptionRestored(): void {
    // One process: its subscription is a function call and cannot drop.
  }

  async ping(): Promise<void> {
    this.#assertOpen();
    this.#sql.ping.get();
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    // Appends already accepted are finished, not dropped.
    await this.#appends.drain();
    await this.#appendWorker?.close();
    this.#leaveScope();
    this.#listeners.clear();
    this.#presenceListeners.clear();
    if (this.#ownsDb) this.#db.close();
  }

  /**
   * Each read-then-write runs inside one transaction; writers use BEGIN IMMEDIATE so the read
   * already holds the write lock and another connection on the file cannot slip in between.
   */
  #createTransactions(): SqliteTransactions {
    return {
      put: this.#db.transaction(this.#putTx.bind(this)),
      delete: this.#db.transaction(this.#deleteTx.bind(this)),
      load: this.#db.transaction(this.#loadTx.bind(this)),
      compact: this.#db.transaction(this.#compactTx.bind(this)),
      createMany: this.#db.transaction(
        (collection: string, rows: ReadonlyArray<[string, string]>) =>
          rows
            .filter(
              ([id, json]) =>
                this.#sql.createRecord.run(this.#ns, collection, id, json).changes === 0,
            )
            .map(([id]) => id),
      ),
      appendBatch: this.#db.transaction((batch: readonly PendingAppend[]) => {
        for (const { docName, bytes } of batch) {
          this.#sql.appendUpdate.run(this.#ns, docName, asBuffer(bytes));
        }
      }),
    };
  }

  /** One group commit: durable when it resolves, and only then handed to peers (G1). */
  async #commitAppends(batch: readonly PendingAppend[]): Promise<void> {
    if (this.#appendWorker) await this.#appendWorker.commit(this.#ns, batch);
    else this.#tx.appendBatch.immediate(batch);
    for (const { docName, bytes } of batch) {
      broadcastToPeers(this.#scope, this.#peer, docName, bytes);
    }
  }

  #deliver(byDoc: Map<string, Set<DocUpdateListener>>, docName: string, update: Uint8Array): void {
    const listeners = byDoc.get(docName);
    if (this.#closed || listeners === undefined) return;
    callListeners([...listeners], update, this.#onError);
  }

  #assertOpen(): void {
    if (this.#closed) throw new StoreClosedError('SqliteStore');
  }

  #checkRecordArgs(collection: string, id: string): void {
    this.#assertOpen();
    assertCollectionName(collection);
    assertRecordId(id);
  }

  #currentVersion(collection: string, id: string): number {
    return this.#sql.getRecord.get(this.#ns, collection, id)?.version ?? 0;
  }

  #putTx(collection: string, id: string, json: string, expected: number): CasResult {
    const current = this.#currentVersion(collection, id);
    if (current !== expected) return { ok: false, currentVersion: current };
    const version = current + 1;
    this.#sql.upsertRecord.run(this.#ns, collection, id, version, json);
    return { ok: true, version };
  }

  #deleteTx(collection: string, id: string, expected: number): CasResult {
    const current = this.#currentVersion(collection, id);
    // Deleting what does not exist is a conflict: the caller believed it was there.
    if (current === 0 || current !== expected) return { ok: false, currentVersion: current };
    this.#sql.deleteRecord.run(this.#ns, collection, id);
    return { ok: true, version: 0 };
  }

  #loadTx(docName: string): StoredDoc {
    const generation = this.#generation(docName);
    const rows = this.#sql.loadUpdates.all(this.#ns, docName);
    return { generation: String(generation), updates: rows.map((row) => toOwnedBytes(row.bytes)) };
  }

  #compactTx(
    docName: string,
    generation: string,
    replaceCount: number,
    merged: Uint8Array,
  ): boolean {
    const current = this.#generation(docName);
    if (String(current) !== generation) return false;
    const oldest = this.#sql.oldestSeqs.all(this.#ns, docName, replaceCount);
    const lastSeq = oldest.at(-1)?.seq;
    if (oldest.length < replaceCount || lastSeq === undefined) {
      throw new RangeError(
        `replaceCount ${replaceCount} exceeds the ${oldest.length} stored updates`,
      );
    }
    this.#sql.deleteUpdatesThrough.run(this.#ns, docName, lastSeq);
    // Reuse the newest replaced seq: the merged update sorts before everything kept.
    this.#sql.insertUpdateAt.run(lastSeq, this.#ns, docName, asBuffer(merged));
    this.#sql.setGeneration.run(this.#ns, docName, current + 1);
    return true;
  }

  #generation(docName: string): number {
    return this.#sql.getGeneration.get(this.#ns, docName)?.generation ?? 0;
  }
}

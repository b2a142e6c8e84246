/**
 * The Redis adapter of the Store port, for any number of server instances on one Redis.
 *
 * - Records: a hash `{ v, json }` per record plus a set of ids per collection (for `list`);
 *   compare-and-set and delete run as Lua scripts, so exactly one concurrent writer wins.
 * - Docs: a list of updates per doc. An append is `MULTI RPUSH … PUBLISH … EXEC`: stored before
 *   it is fanned out (G1), and every instance subscribed to the doc's channel applies it (G6).
 *   Appends are group-committed (../group-commit.ts): those that arrive while one MULTI is in
 *   flight go together in the next, one round trip (and one AOF fsync) for the lot.
 *
 * The store does not own the `redis` client it is given: `close()` leaves it connected, and the
 * caller quits it. It owns only the subscriber connection it duplicates from it on first
 * `subscribeDoc`. Do not set ioredis' own `keyPrefix` option on that client: keys would be
 * prefixed twice and channels (which ioredis does not prefix) would no longer match.
 */
import { randomUUID } from 'node:crypto';
import type { ChainableCommander, Redis } from 'ioredis';
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
import { createRedisRateLimiter } from '../rate-limits.js';
import {
  DEFAULT_KEY_PREFIX,
  assertCollectionName,
  assertDocName,
  assertRecordId,
  createStoreKeys,
  type StoreKeys,
} from '../keys.js';
import {
  StoreClosedError,
  asBuffer,
  assertCompaction,
  assertExpectedVersion,
  assertLogPosition,
  assertUpdate,
  toOwnedBytes,
  toRecordJson,
} from '../adapter-support.js';
import {
  COMPACT_DOC,
  DELETE_RECORD,
  PUT_RECORD,
  CREATE_RECORDS,
  parseFlagAndNumber,
  runScript,
} from './redis-scripts.js';
import { DocSubscriber, encodeUpdateMessage } from './doc-subscriber.js';
import { DELETE_DOC, REPLACE_DOC } from './doc-rewrite-scripts.js';
import { GroupCommitter, type PendingAppend } from '../group-commit.js';

/** The published instance id is length-prefixed with one byte. */
const MAX_INSTANCE_ID_BYTES = 255;

/** Options for `new RedisStore(...)`. */
export interface RedisStoreOptions {
  /** A connected (or connecting) ioredis client. The caller owns it and quits it. */
  redis: Redis;
  /** Prefix of every key and channel; defaults to `setboard:`. */
  keyPrefix?: string;
  /** Tags this store's published updates so it can skip them; defaults to a random UUID. */
  instanceId?: string;
  /** Receives subscriber-connection errors and errors thrown by doc listeners. */
  onError?: (error: unknown) => void;
  /** Told the number of appends in each group commit (for metrics). */
  onBatch?: (size: number) => void;
}

/** A Store kept in Redis, shared by every instance that uses the same key prefix. */
export class RedisStore implements Store {
  readonly kind = 'redis' as const;
  /** This store's id in published updates. */
  readonly instanceId: string;

  readonly #redis: Redis;
  readonly #keys: StoreKeys;
  readonly #subscriber: DocSubscriber;
  readonly #instanceIdBytes: Buffer;
  readonly #pending = new Set<Promise<unknown>>();
  /** Channel → doc name, for replaying a doc's log after the subscriber reconnects. */
  readonly #docOfChannel = new Map<string, string>();
  readonly #appends: GroupCommitter;
  #closed = false;

  constructor(options: RedisStoreOptions) {
    this.#appends = new GroupCommitter((batch) => this.#commitAppends(batch), options.onBatch);
    this.#redis = options.redis;
    this.#keys = createStoreKeys(options.keyPrefix ?? DEFAULT_KEY_PREFIX);
    this.instanceId = options.instanceId ?? randomUUID();
    this.#instanceIdBytes = Buffer.from(this.instanceId, 'utf8');
    if (
      this.#instanceIdBytes.length === 0 ||
      this.#instanceIdBytes.length > MAX_INSTANCE_ID_BYTES
    ) {
      throw new TypeError(`instanceId must be 1-${MAX_INSTANCE_ID_BYTES} bytes of UTF-8`);
    }
    const onError = options.onError ?? ((error) => console.error('RedisStore', error));
    this.#subscriber = new DocSubscriber(this.#redis, this.#instanceIdBytes, onError, (channel) =>
      this.#readLogOfChannel(channel),
    );
  }

  get<T>(collection: string, id: string): Promise<VersionedRecord<T> | null> {
    return this.#track(async () => {
      checkRecordArgs(collection, id);
      const [version, json] = await this.#redis.hmget(
        this.#keys.record(collection, id),
        'v',
        'json',
      );
      return toRecord<T>(version ?? null, json ?? null);
    });
  }

  put<T>(collection: string, id: string, value: T, expectedVersion: number): Promise<CasResult> {
    return this.#track(async () => {
      checkRecordArgs(collection, id);
      assertExpectedVersion(expectedVersion);
      const json = toRecordJson(value);
      const keys = this.#recordWriteKeys(collection, id);
      const args = [expectedVersion, json, id, collection];
      const reply = await runScript(this.#redis, PUT_RECORD, keys, args);
      return toCasResult(parseFlagAndNumber(reply, PUT_RECORD));
    });
  }

  createMany<T>(
    collection: string,
    records: ReadonlyArray<{ id: string; value: T }>,
  ): Promise<string[]> {
    return this.#track(async () => {
      for (const { id } of records) checkRecordArgs(collection, id);
      if (records.length === 0) return [];
      const keys = [
        this.#keys.collectionIndex(collection),
        this.#keys.recordChanges(),
        ...records.map(({ id }) => this.#keys.record(collection, id)),
      ];
      const args = [collection, ...records.flatMap(({ id, value }) => [toRecordJson(value), id])];
      const script = { ...CREATE_RECORDS, numberOfKeys: keys.length };
      const reply = await runScript(this.#redis, script, keys, args);
      if (!Array.isArray(reply)) throw new Error('Unexpected reply from the createRecords script');
      return reply.map(String);
    });
  }

  delete(collection: string, id: string, expectedVersion: number): Promise<CasResult> {
    return this.#track(async () => {
      checkRecordArgs(collection, id);
      assertExpectedVersion(expectedVersion);
      const keys = this.#recordWriteKeys(collection, id);
      const args = [expectedVersion, id, collection];
      const reply = await runScript(this.#redis, DELETE_RECORD, keys, args);
      return toCasResult(parseFlagAndNumber(reply, DELETE_RECORD));
    });
  }

  changeCounts(collections: readonly string[]): Promise<number[]> {
    return this.#track(async () => {
      for (const collection of collections) assertCollectionName(collection);
      if (collections.length === 0) return [];
      const counts = await this.#redis.hmget(this.#keys.recordChanges(), ...collections);
      return counts.map((count) => Number(count ?? 0));
    });
  }

  /** The keys a script that writes one record is given: its hash, its index, the counts. */
  #recordWriteKeys(collection: string, id: string): string[] {
    return [
      this.#keys.record(collection, id),
      this.#keys.collectionIndex(collection),
      this.#keys.recordChanges(),
    ];
  }

  list<T>(collection: string): Promise<Array<{ id: string } & VersionedRecord<T>>> {
    return this.#track(async () => {
      assertCollectionName(collection);
      const ids = await this.#redis.smembers(this.#keys.collectionIndex(collection));
      if (ids.length === 0) return [];
      const pipeline = this.#redis.pipeline();
      for (const id of ids) pipeline.hmget(this.#keys.record(collection, id), 'v', 'json');
      const replies = await execOrThrow(pipeline);
      // Not one snapshot: a record deleted between SMEMBERS and HMGET is simply left out.
      return ids.flatMap((id, index) => {
        const [version, json] = replies[index] as Array<string | null>;
        const record = toRecord<T>(version ?? null, json ?? null);
        return record === null ? [] : [{ id, ...record }];
      });
    });
  }

  appendUpdate(docName: string, update: Uint8Array): Promise<void> {
    return this.#track(async () => {
      assertDocName(docName);
      assertUpdate(update);
      await this.#appends.append({ docName, bytes: toOwnedBytes(update) });
    });
  }

  /** Appends made and commits they took (tests check that appends are batched). */
  get appendStats(): { commits: number; appends: number } {
    return this.#appends.stats;
  }

  /**
   * One group commit in one MULTI, in order: each update is in its log before it is published,
   * so no subscriber sees an update that is not stored (G1).
   */
  async #commitAppends(batch: readonly PendingAppend[]): Promise<void> {
    const multi = this.#redis.multi();
    for (const { docName, bytes } of batch) {
      multi
        .rpush(this.#keys.docLog(docName), asBuffer(bytes))
        .publish(this.#keys.docChannel(docName), encodeUpdateMessage(this.#instanceIdBytes, bytes));
    }
    await execOrThrow(multi);
  }

  loadDoc(docName: string): Promise<StoredDoc> {
    return this.#track(async () => {
      assertDocName(docName);
      const [generation, updates] = await execOrThrow(
        this.#redis
          .multi()
          .get(this.#keys.docGeneration(docName))
          .lrangeBuffer(this.#keys.docLog(docName), 0, -1),
      );
      return {
        generation: typeof generation === 'string' ? generation : '0',
        updates: (updates as Buffer[]).map(toOwnedBytes),
      };
    });
  }

  compactDoc(
    docName: string,
    compaction: { generation: string; replaceCount: number; merged: Uint8Array },
  ): Promise<boolean> {
    return this.#track(async () => {
      assertDocName(docName);
      assertCompaction(compaction);
      const keys = [this.#keys.docLog(docName), this.#keys.docGeneration(docName)];
      const { generation, replaceCount, merged } = compaction;
      const reply = await runScript(this.#redis, COMPACT_DOC, keys, [
        generation,
        replaceCount,
        asBuffer(merged),
      ]);
      return reply === 1;
    });
  }

  subscribeDoc(docName: string, listener: DocUpdateListener): Promise<() => Promise<void>> {
    return this.#track(async () => {
      assertDocName(docName);
      const channel = this.#keys.docChannel(docName);
      this.#docOfChannel.set(channel, docName);
      return this.#subscriber.subscribe(channel, listener);
    });
  }

  replaceDoc(
    docName: string,
    state: Uint8Array,
    basedOn: DocLogPosition,
  ): Promise<{ ok: true; generation: string } | { ok: false }> {
    return this.#track(async () => {
      assertDocName(docName);
      assertUpdate(state);
      assertLogPosition(basedOn);
      const keys = [this.#keys.docLog(docName), this.#keys.docGeneration(docName)];
      const reply = await runScript(this.#redis, REPLACE_DOC, keys, [
        basedOn.generation,
        basedOn.updateCount,
        Buffer.from(state),
      ]);
      return typeof reply === 'string' ? { ok: true, generation: reply } : { ok: false };
    });
  }

  deleteDoc(docName: string): Promise<void> {
    return this.#track(async () => {
      assertDocName(docName);
      const keys = [this.#keys.docLog(docName), this.#keys.docGeneration(docName)];
      await runScript(this.#redis, DELETE_DOC, keys, []);
    });
  }

  /** Redis holds no old values once a key is rewritten or deleted: nothing to do but answer. */
  scrub(): Promise<void> {
    return this.ping();
  }

  publishPresence(docName: string, message: Uint8Array): Promise<void> {
    return this.#track(async () => {
      assertDocName(docName);
      const tagged = encodeUpdateMessage(this.#instanceIdBytes, message);
      await this.#redis.publish(this.#keys.presenceChannel(docName), tagged);
    });
  }

  subscribePresence(docName: string, listener: DocUpdateListener): Promise<() => Promise<void>> {
    return this.#track(async () => {
      assertDocName(docName);
      // Not in the channel → doc map, so a reconnect replays no log for it: presence is not kept.
      return this.#subscriber.subscribe(this.#keys.presenceChannel(docName), listener);
    });
  }

  createRateLimiter(options: RateLimitOptions): RateLimiter {
    return createRedisRateLimiter(this.#redis, this.#keys.rateLimit(options.name), options);
  }

  onSubscriptionRestored(listener: () => void): void {
    this.#subscriber.onRestored(listener);
  }

  ping(): Promise<void> {
    return this.#track(async () => void (await this.#redis.ping()));
  }

  async #readLogOfChannel(channel: string): Promise<Uint8Array[]> {
    const docName = this.#docOfChannel.get(channel);
    if (docName === undefined) return [];
    const entries = await this.#redis.lrangeBuffer(this.#keys.docLog(docName), 0, -1);
    return entries.map((entry) => new Uint8Array(entry));
  }

  /** Waits for this store's commands in flight, then quits its subscriber connection only. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.allSettled(this.#pending);
    await this.#subscriber.close();
  }

  /** Refuses work after close, and remembers work in flight so `close()` can wait for it. */
  async #track<T>(work: () => Promise<T>): Promise<T> {
    if (this.#closed) throw new StoreClosedError('RedisStore');
    const promise = work();
    this.#pending.add(promise);
    try {
      return await promise;
    } finally {
      this.#pending.delete(promise);
    }
  }
}

function checkRecordArgs(collection: string, id: string): void {
  assertCollectionName(collection);
  assertRecordId(id);
}

function toRecord<T>(version: string | null, json: string | null): VersionedRecord<T> | null {
  if (version === null || json === null) return null;
  return { value: JSON.parse(json) as T, version: Number(version) };
}

function toCasResult([ok, version]: [boolean, number]): CasResult {
  return ok ? { ok: true, version } : { ok: false, currentVersion: version };
}

/** Runs a pipeline or MULTI, throwing its first command error, and returns the results. */
async function execOrThrow(commands: ChainableCommander): Promise<unknown[]> {
  const replies = await commands.exec();
  // exec() answers null only when a WATCHed key changed; this store never WATCHes.
  if (replies === null) throw new Error('Redis transaction was aborted');
  return replies.map(([error, result]) => {
    if (error) throw error;
    return result;
  });
}

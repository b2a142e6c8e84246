/**
 * Group commit [AT-SP1] at the Store port: appends that arrive together share commits, each
 * append resolves only once committed, and each doc's order holds. The SQLite store here is a
 * file, so its commits run on the append worker thread. The kill -9 half of [AT-SP1] is in
 * tests/integration/yjs/group-commit-crash.test.ts (real server processes).
 */
import path from 'node:path';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { RedisStore, SqliteStore } from '../../../server/src/store/index.js';
import { closeWhenTestEnds } from '../../support/cleanup.js';
import { TEST_REDIS_URL, redisForSuite, uniqueKeyPrefix } from '../../support/services.js';
import { makeTempDir } from '../../support/test-server.js';

const redis = await redisForSuite('Group commit on Redis');

const DOCS = 50;
const APPENDS_PER_DOC = 10;
const APPENDS = DOCS * APPENDS_PER_DOC;

interface Opened {
  store: SqliteStore | RedisStore;
  batches: number[];
  /** The same data, through a fresh store (as after a restart). */
  reopen(): SqliteStore | RedisStore;
}

/** `doc-<d>`'s `i`-th update: its bytes say which it is, so order can be read back. */
const updateOf = (doc: number, index: number) => new TextEncoder().encode(`d${doc}#${index}`);

function groupCommitSuite(open: () => Opened) {
  it('[AT-SP1] 500 concurrent appends across 50 docs take far fewer commits, each resolves durable, and every doc keeps its order', async () => {
    const { store, batches, reopen } = open();
    // Every doc's appends go in order (as a doc's queue makes them), all docs at once.
    const settled: string[] = [];
    const appends: Promise<void>[] = [];
    for (let index = 0; index < APPENDS_PER_DOC; index++) {
      for (let doc = 0; doc < DOCS; doc++) {
        appends.push(
          store.appendUpdate(`doc-${doc}`, updateOf(doc, index)).then(() => {
            settled.push(`d${doc}#${index}`);
          }),
        );
      }
    }
    await Promise.all(appends);

    expect(settled).toHaveLength(APPENDS);
    expect(batches.reduce((sum, size) => sum + size, 0)).toBe(APPENDS);
    // Batching happened: far fewer commits than appends.
    expect(batches.length).toBeLessThanOrEqual(APPENDS / 10);
    expect(store.appendStats).toEqual({ commits: batches.length, appends: APPENDS });

    // Durable and in order, as read by another store on the same data.
    const reader = reopen();
    for (let doc = 0; doc < DOCS; doc++) {
      const { updates } = await reader.loadDoc(`doc-${doc}`);
      expect(updates.map((bytes) => new TextDecoder().decode(bytes))).toEqual(
        Array.from({ length: APPENDS_PER_DOC }, (_, index) => `d${doc}#${index}`),
      );
    }
  });

  it('[AT-SP1] appends one at a time still commit one by one, with nothing waiting on a timer', async () => {
    const { store, batches } = open();
    for (let index = 0; index < 5; index++) await store.appendUpdate('solo', updateOf(0, index));
    expect(batches).toEqual([1, 1, 1, 1, 1]);
  });
}

describe('Group commit on SQLite (a file: commits on the worker thread)', () => {
  groupCommitSuite(() => {
    const temp = makeTempDir('group-commit');
    const file = path.join(temp.dir, 'setboard.sqlite');
    const batches: number[] = [];
    const stores: SqliteStore[] = [];
    const openStore = (onBatch?: (size: number) => void) => {
      const store = SqliteStore.open({ file, ...(onBatch ? { onBatch } : {}) });
      stores.push(store);
      return store;
    };
    closeWhenTestEnds(async () => {
      for (const store of stores) await store.close();
      temp.remove();
    });
    return { store: openStore((size) => batches.push(size)), batches, reopen: () => openStore() };
  });
});

describe.skipIf(!redis.available)('Group commit on Redis', () => {
  groupCommitSuite(() => {
    const keyPrefix = uniqueKeyPrefix('group-commit');
    const batches: number[] = [];
    const clients: Redis[] = [];
    const stores: RedisStore[] = [];
    const openStore = (onBatch?: (size: number) => void) => {
      const client = new Redis(TEST_REDIS_URL);
      clients.push(client);
      const store = new RedisStore({ redis: client, keyPrefix, ...(onBatch ? { onBatch } : {}) });
      stores.push(store);
      return store;
    };
    closeWhenTestEnds(async () => {
      for (const store of stores) await store.close();
      const admin = clients[0]!;
      const keys = await admin.keys(`${keyPrefix}*`);
      if (keys.length > 0) await admin.unlink(...keys);
      for (const client of clients) client.disconnect();
    });
    return { store: openStore((size) => batches.push(size)), batches, reopen: () => openStore() };
  });
});

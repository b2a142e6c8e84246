/**
 * Where a test suite's data is stored, and every place in it a secret could hide: the SQLite file
 * (with its -wal and -shm) or every Redis key under the suite's prefix (its name and its DUMP,
 * with Redis' LZF compression undone, since compression splits a token into pieces). Used to
 * prove no raw token is ever stored [AT-B2].
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import { RedisStore } from '../../server/src/store/redis/redis-store.js';
import { SqliteStore } from '../../server/src/store/sqlite/sqlite-store.js';
import { closeWhenTestEnds } from './cleanup.js';
import { TEST_REDIS_URL, uniqueKeyPrefix } from './services.js';
import {
  makeTempDir,
  startTestServer,
  type TestServer,
  type TestServerOptions,
} from './test-server.js';

export interface StoredBytes {
  where: string;
  bytes: Buffer;
}

export interface SuiteStorage {
  /** How many instances the race runs against (two on Redis: they share the store). */
  raceInstances: number;
  /** Starts `count` instances on a fresh namespace; each test calls it once. */
  start(options?: TestServerOptions, count?: number): Promise<TestServer[]>;
  /** Everything the storage holds for this suite, as places a secret could hide. */
  everythingStored(): Promise<StoredBytes[]>;
  remove(): Promise<void>;
}

export function sqliteStorage(): SuiteStorage {
  const temp = makeTempDir('links');
  const file = path.join(temp.dir, 'setboard.sqlite');
  let namespaces = 0;
  return {
    raceInstances: 1,
    // One instance: SQLite is the single-server backend.
    async start(options = {}) {
      const store = SqliteStore.open({ file, keyPrefix: `test${++namespaces}:` });
      closeWhenTestEnds(() => store.close());
      return [await startTestServer({ ...options, store })];
    },
    async everythingStored() {
      return [file, `${file}-wal`, `${file}-shm`]
        .filter((name) => existsSync(name))
        .map((name) => ({ where: path.basename(name), bytes: readFileSync(name) }));
    },
    async remove() {
      temp.remove();
    },
  };
}

export function redisStorage(): SuiteStorage {
  const suitePrefix = uniqueKeyPrefix('links');
  const clients: Redis[] = [];
  const newClient = () => {
    const client = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
    clients.push(client);
    return client;
  };
  let namespaces = 0;
  return {
    raceInstances: 2,
    async start(options = {}, count = 1) {
      const keyPrefix = `${suitePrefix}test${++namespaces}:`;
      const servers: TestServer[] = [];
      for (let index = 0; index < count; index++) {
        const store = new RedisStore({ redis: newClient(), keyPrefix });
        closeWhenTestEnds(() => store.close());
        // The adapter's stream lives under the prefix too, so the dump covers it.
        const socketAdapter = createAdapter(newClient(), {
          streamName: `${keyPrefix}socket.io`,
          channelPrefix: `${keyPrefix}socket.io`,
          blockTimeInMs: 1_000,
        });
        servers.push(await startTestServer({ ...options, store, socketAdapter }));
      }
      return servers;
    },
    async everythingStored() {
      const client = newClient();
      const places: StoredBytes[] = [];
      for (const key of await client.keys(`${suitePrefix}*`)) {
        places.push({ where: `the name of ${key}`, bytes: Buffer.from(key) });
        const dump = await client.dumpBuffer(key);
        if (!dump) continue;
        places.push({ where: `DUMP ${key}`, bytes: dump });
        for (const text of lzfStringsIn(dump)) {
          places.push({ where: `DUMP ${key}, decompressed`, bytes: text });
        }
      }
      return places;
    },
    async remove() {
      const client = newClient();
      const keys = await client.keys(`${suitePrefix}*`);
      if (keys.length > 0) await client.del(...keys);
      await Promise.all(clients.map((each) => each.quit().catch(() => undefined)));
    },
  };
}

/**
 * DUMP writes strings over 20 bytes LZF-compressed when that saves space, and LZF cuts literal
 * text into runs of at most 32 bytes: a 43-character token would never appear whole. So every
 * LZF string in the payload (RDB encoding 0xC3: compressed length, plain length, data) is also
 * searched decompressed.
 */
function lzfStringsIn(payload: Buffer): Buffer[] {
  const found: Buffer[] = [];
  for (let at = payload.indexOf(0xc3); at !== -1; at = payload.indexOf(0xc3, at + 1)) {
    const compressed = readRdbLength(payload, at + 1);
    const plain = compressed && readRdbLength(payload, compressed.next);
    if (!compressed || !plain) continue;
    const text = lzfDecompress(
      payload.subarray(plain.next, plain.next + compressed.value),
      plain.value,
    );
    if (text) found.push(text);
  }
  return found;
}

/** An RDB length of 6, 14 or 32 bits, or null where the bytes are not one. */
function readRdbLength(bytes: Buffer, at: number): { value: number; next: number } | null {
  const first = bytes[at];
  if (first === undefined) return null;
  if (first >> 6 === 0) return { value: first & 0x3f, next: at + 1 };
  if (first >> 6 === 1 && at + 1 < bytes.length) {
    return { value: ((first & 0x3f) << 8) | bytes[at + 1]!, next: at + 2 };
  }
  if (first === 0x80 && at + 4 < bytes.length) {
    return { value: bytes.readUInt32BE(at + 1), next: at + 5 };
  }
  return null;
}

function lzfDecompress(input: Buffer, length: number): Buffer | null {
  if (input.length === 0 || length > 16 * 1024 * 1024) return null;
  const out = Buffer.alloc(length);
  let inAt = 0;
  let outAt = 0;
  while (inAt < input.length) {
    const control = input[inAt++]!;
    if (control < 32) {
      const run = control + 1;
      if (inAt + run > input.length || outAt + run > length) return null;
      input.copy(out, outAt, inAt, inAt + run);
      inAt += run;
      outAt += run;
      continue;
    }
    let run = control >> 5;
    if (run === 7) run += input[inAt++] ?? 0;
    const low = input[inAt++];
    if (low === undefined) return null;
    let from = outAt - ((control & 0x1f) << 8) - 1 - low;
    run += 2;
    if (from < 0 || outAt + run > length) return null;
    while (run-- > 0) out[outAt++] = out[from++]!;
  }
  return outAt === length ? out : null;
}

export function placesHolding(places: StoredBytes[], secret: string): string[] {
  const needle = Buffer.from(secret, 'utf8');
  return places.filter((place) => place.bytes.includes(needle)).map((place) => place.where);
}

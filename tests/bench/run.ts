/**
 * `npm run bench`: speed figures that matter for the foundation, each printed as a ratio against
 * a baseline measured in the same process (absolute times vary between machines; ratios less).
 *
 * 1. Loading a board with a long history: the raw update log vs the compacted snapshot (Y10).
 * 2. Appending one update durably: SQLite (synchronous=FULL) and Redis vs applying it in memory.
 * 3. The write gate per keystroke, and a refused keystroke (reverted) vs an allowed one.
 */
import path from 'node:path';
import * as Y from 'yjs';
import { Redis } from 'ioredis';
import { compactStoredLog, type Store } from '@setboard/server';
import { SqliteStore } from '../../server/src/store/sqlite/sqlite-store.js';
import { RedisStore } from '../../server/src/store/redis/redis-store.js';
import { makeTempDir } from '../support/temp-dir.js';
import { benchGate } from './gate-bench.js';
import { medianMs, report } from './measure.js';

const HISTORY_UPDATES = 5_000;
const APPENDS = 500;

/** Keystroke-sized updates, as a person typing (and sometimes deleting) would make them. */
function typingHistory(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = doc.getText('notes');
  for (let i = 0; i < count; i++) {
    if (i % 10 === 9) text.delete(text.length - 1, 1);
    else text.insert(text.length, String.fromCharCode(97 + (i % 26)));
  }
  return updates;
}

async function loadIntoDoc(store: Store, name: string): Promise<void> {
  const doc = new Y.Doc();
  const { updates } = await store.loadDoc(name);
  Y.transact(doc, () => updates.forEach((update) => Y.applyUpdate(doc, update)));
  doc.destroy();
}

async function benchLoad(store: Store): Promise<void> {
  const history = typingHistory(HISTORY_UPDATES);
  for (const update of history) await store.appendUpdate('set:raw', update);
  for (const update of history) await store.appendUpdate('set:compacted', update);
  await compactStoredLog(store, 'set:compacted');
  const raw = await medianMs(9, () => loadIntoDoc(store, 'set:raw'));
  const compacted = await medianMs(9, () => loadIntoDoc(store, 'set:compacted'));
  report(
    `load a ${HISTORY_UPDATES}-update board (${store.kind})`,
    'raw log',
    raw,
    'compacted',
    compacted,
  );
}

async function benchAppend(store: Store): Promise<void> {
  const history = typingHistory(APPENDS);
  const inMemory = await medianMs(5, () => {
    const memory = new Y.Doc();
    for (const update of history) Y.applyUpdate(memory, update);
    memory.destroy();
  });
  const durable = await medianMs(5, async () => {
    for (const update of history) await store.appendUpdate('set:append', update);
  });
  report(
    `append ${APPENDS} updates`,
    'in-memory apply',
    inMemory,
    `durable ${store.kind}`,
    durable,
  );
}

async function main(): Promise<void> {
  benchGate();
  const temp = makeTempDir('bench');
  const sqlite = SqliteStore.open({ file: path.join(temp.dir, 'bench.sqlite') });
  try {
    await benchLoad(sqlite);
    await benchAppend(sqlite);
  } finally {
    await sqlite.close();
    temp.remove();
  }
  const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const client = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await client.connect();
  } catch {
    process.stdout.write(`Redis benches skipped: nothing answers at ${redisUrl}\n`);
    client.disconnect();
    return;
  }
  const keyPrefix = `bench:${process.pid}:`;
  const redis = new RedisStore({ redis: client, keyPrefix });
  try {
    await benchLoad(redis);
    await benchAppend(redis);
  } finally {
    await redis.close();
    const keys = await client.keys(`${keyPrefix}*`);
    if (keys.length > 0) await client.del(...keys);
    await client.quit();
  }
}

await main();

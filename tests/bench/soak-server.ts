/**
 * The server under soak, in its own process so its memory is its own: the real app on a fresh
 * SQLite file (or on REDIS_URL), with the link limits raised so the soak can invite hundreds of
 * people from one address. Prints `listening <url> <setupUrl>`; answers the IPC message
 * `measure` with its memory after a full garbage collection (run with --expose-gc).
 */
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { createApp, createLogger, type Store } from '@setboard/server';
import { SqliteStore } from '../../server/src/store/sqlite/sqlite-store.js';
import { RedisStore } from '../../server/src/store/redis/redis-store.js';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';

const temp = { dir: mkdtempSync(path.join(os.tmpdir(), 'setboard-soak-')) };
const redisUrl = process.env.REDIS_URL;
const store: Store = redisUrl
  ? new RedisStore({ redis: new Redis(redisUrl), keyPrefix: `soak-${process.pid}:` })
  : SqliteStore.open({ file: path.join(temp.dir, 'setboard.sqlite') });
const plenty = { points: 1_000_000, durationSeconds: 60 };
const app = createApp({
  store,
  logger: createLogger('warn'),
  rateLimits: { links: plenty, setup: plenty },
  reminders: false,
});
app.httpServer.listen(0, '127.0.0.1', () => {
  void (async () => {
    const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
    process.stdout.write(`listening ${url} ${await app.setupUrl(url)}\n`);
  })();
});

process.on('message', (message) => {
  if (message !== 'measure') return;
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  process.send?.({
    rss: usage.rss,
    heapUsed: usage.heapUsed,
    external: usage.external,
    arrayBuffers: usage.arrayBuffers,
    docsOpen: (app.docs as unknown as { open?: Map<string, unknown> }).open?.size ?? null,
  });
});

process.on('disconnect', () => {
  void app
    .close()
    .then(() => store.close())
    .finally(() => {
      rmSync(temp.dir, { recursive: true, force: true });
      process.exit(0);
    });
});

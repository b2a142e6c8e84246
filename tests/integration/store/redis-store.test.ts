/**
 * The Store contract [AT-A1] on Redis. Every test gets a unique key prefix; each store (including
 * peers and reopened ones) has its own ioredis client, as separate server instances would, and
 * the test's keys are deleted afterwards.
 */
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { RedisStore } from '../../../server/src/store/index.js';
import { TEST_REDIS_URL, redisForSuite, uniqueKeyPrefix } from '../../support/services.js';
import { describeStoreContract } from './store-contract.js';
import { describeDocRewriteContract } from './doc-rewrite-contract.js';

const redis = await redisForSuite('RedisStore contract');

/** SCAN MATCH treats * ? [ ] \ as glob syntax; a prefix must match only itself. */
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}

async function deleteKeysWithPrefix(client: Redis, keyPrefix: string): Promise<void> {
  const stream = client.scanStream({ match: `${escapeGlob(keyPrefix)}*`, count: 500 });
  for await (const keys of stream as AsyncIterable<string[]>) {
    if (keys.length > 0) await client.unlink(...keys);
  }
}

describe.skipIf(!redis.available)('RedisStore', () => {
  const makeRedisStore = async (keyPrefix: string) => {
    const clients: Redis[] = [];
    const stores: RedisStore[] = [];
    const open = (): RedisStore => {
      const client = new Redis(TEST_REDIS_URL);
      clients.push(client);
      const store = new RedisStore({ redis: client, keyPrefix });
      stores.push(store);
      return store;
    };
    const admin = new Redis(TEST_REDIS_URL);
    return {
      store: open(),
      reopen: async () => open(),
      peer: async () => open(),
      cleanup: async () => {
        for (const store of stores) await store.close();
        await Promise.all(clients.map((client) => client.quit()));
        await deleteKeysWithPrefix(admin, keyPrefix);
        await admin.quit();
      },
    };
  };
  describeStoreContract('RedisStore', makeRedisStore);
  describeDocRewriteContract('RedisStore', makeRedisStore);

  describe('RedisStore specifics [AT-A1]', () => {
    it("[AT-A1] the subscriber connection opens on first subscribe; close() quits it, not the caller's client", async () => {
      const keyPrefix = uniqueKeyPrefix('RedisStore');
      const client = new Redis(TEST_REDIS_URL);
      const subscriberName = `setboard-store-subscriber:${keyPrefix.replace(/[^\w.:-]/g, '_')}`;
      const subscriberCount = async () =>
        ((await client.client('LIST')) as string)
          .split('\n')
          .filter((line) => line.includes(`name=${subscriberName} `)).length;
      try {
        const store = new RedisStore({ redis: client, keyPrefix, instanceId: keyPrefix });
        await store.appendUpdate('d', new Uint8Array([1]));
        expect(await subscriberCount()).toBe(0);
        await store.subscribeDoc('d', () => {});
        await store.subscribeDoc('e', () => {});
        expect(await subscriberCount()).toBe(1);
        await store.close();
        await expect.poll(subscriberCount).toBe(0);
        expect(await client.ping()).toBe('PONG');
        await deleteKeysWithPrefix(client, keyPrefix);
      } finally {
        await client.quit();
      }
    });

    it('[AT-A1] after its subscriber connection drops, a store replays the log it may have missed', async () => {
      const keyPrefix = uniqueKeyPrefix('RedisStore');
      const writerClient = new Redis(TEST_REDIS_URL);
      const readerClient = new Redis(TEST_REDIS_URL);
      try {
        const writer = new RedisStore({ redis: writerClient, keyPrefix });
        const reader = new RedisStore({ redis: readerClient, keyPrefix, instanceId: keyPrefix });
        const received: number[] = [];
        await reader.subscribeDoc('d', (update) => received.push(update[0]!));
        // Drop the reader's subscriber connection, then append at once: ioredis reconnects and
        // resubscribes, but the publish happens while it is away.
        const subscriberName = `setboard-store-subscriber:${keyPrefix.replace(/[^\w.:-]/g, '_')}`;
        const subscriberLine = ((await writerClient.client('LIST')) as string)
          .split('\n')
          .find((line) => line.includes(`name=${subscriberName} `));
        const subscriberId = /\bid=(\d+)/.exec(subscriberLine ?? '')?.[1];
        expect(subscriberId).toBeDefined();
        await writerClient.client('KILL', 'ID', subscriberId!);
        await writer.appendUpdate('d', new Uint8Array([7]));
        await expect.poll(() => received.includes(7), { timeout: 10_000 }).toBe(true);
        await writer.close();
        await reader.close();
        await deleteKeysWithPrefix(writerClient, keyPrefix);
      } finally {
        await Promise.all([writerClient.quit(), readerClient.quit()]);
      }
    });

    it('[AT-A1] compare-and-set still works after Redis forgets its scripts', async () => {
      const keyPrefix = uniqueKeyPrefix('RedisStore');
      const client = new Redis(TEST_REDIS_URL);
      try {
        const store = new RedisStore({ redis: client, keyPrefix });
        expect(await store.put('sets', 's1', 1, 0)).toEqual({ ok: true, version: 1 });
        await client.script('FLUSH'); // as after a Redis restart: EVALSHA answers NOSCRIPT
        expect(await store.put('sets', 's1', 2, 1)).toEqual({ ok: true, version: 2 });
        await store.close();
        await deleteKeysWithPrefix(client, keyPrefix);
      } finally {
        await client.quit();
      }
    });
  });
});

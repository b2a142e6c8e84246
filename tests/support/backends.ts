/**
 * The two storage backends, as factories the realtime suites run against. A backend can open a
 * store, and open it again "after a restart" (same SQLite file, or same Redis key prefix).
 */
import path from 'node:path';
import { Redis } from 'ioredis';
import type { Store } from '@setboard/server';
import { RedisStore } from '../../server/src/store/redis/redis-store.js';
import { SqliteStore } from '../../server/src/store/sqlite/sqlite-store.js';
import { closeWhenTestEnds } from './cleanup.js';
import { TEST_REDIS_URL, uniqueKeyPrefix } from './services.js';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import {
  makeTempDir,
  startTestServer,
  type TestServer,
  type TestServerOptions,
} from './test-server.js';

export interface BackendUnderTest {
  /** Opens a store on this backend's data; call again to "restart" on the same data. */
  openStore(): Store;
  /** Environment for a server process on the same data. */
  processEnv: Record<string, string>;
}

/** A fresh SQLite file in a temporary folder, removed when the test ends. */
export function sqliteBackend(): BackendUnderTest {
  const temp = makeTempDir('sqlite');
  const opened: Store[] = [];
  closeWhenTestEnds(async () => {
    for (const store of opened) await store.close();
    temp.remove();
  });
  return {
    openStore() {
      const store = SqliteStore.open({ file: path.join(temp.dir, 'setboard.sqlite') });
      opened.push(store);
      return store;
    },
    processEnv: { DATA_DIR: temp.dir },
  };
}

/** A unique key prefix on the test Redis; its keys are deleted when the test ends. */
export interface RedisBackendUnderTest extends BackendUnderTest {
  newClient(connectionName?: string): Redis;
  /** The CLIENT SETNAME shared by the Socket.IO adapter's connections of instance `index` (0…). */
  adapterConnectionName(index: number): string;
  /**
   * Starts one more server instance on this Redis, with its own store and its own Socket.IO
   * streams adapter, as a second machine behind a balancer would be. The adapter's stream sits
   * under the backend's prefix, so it is deleted with the test's keys.
   */
  startInstance(options?: Omit<TestServerOptions, 'store' | 'socketAdapter'>): Promise<TestServer>;
}

export function redisBackend(
  label: string,
  options: {
    /**
     * How long a dropped Redis connection stays down before ioredis reconnects (default: its own
     * back-off, 50 ms at first), as a failover of a few seconds would keep it.
     */
    reconnectAfterMs?: number;
  } = {},
): RedisBackendUnderTest {
  const keyPrefix = uniqueKeyPrefix(label);
  const clients: Redis[] = [];
  const opened: Store[] = [];
  const newClient = (connectionName?: string) => {
    const client = new Redis(TEST_REDIS_URL, {
      maxRetriesPerRequest: 1,
      ...(connectionName ? { connectionName } : {}),
      ...(options.reconnectAfterMs !== undefined
        ? { retryStrategy: () => options.reconnectAfterMs }
        : {}),
    });
    clients.push(client);
    return client;
  };
  closeWhenTestEnds(async () => {
    for (const store of opened) await store.close();
    const cleaner = newClient();
    const keys = await cleaner.keys(`${keyPrefix}*`);
    if (keys.length > 0) await cleaner.del(...keys);
    await Promise.all(clients.map((client) => client.quit().catch(() => undefined)));
  });
  const openStore = () => {
    const store = new RedisStore({ redis: newClient(), keyPrefix });
    opened.push(store);
    return store;
  };
  const streamName = `${keyPrefix}socket.io`;
  // Named (and inherited by the connections the adapter duplicates from it), so a test can find
  // one instance's pub/sub connections in CLIENT LIST and kill them.
  const adapterConnectionName = (index: number) =>
    `setboard-adapter:${keyPrefix.replace(/[^\w.:-]/g, '_')}${index}`;
  let instances = 0;
  return {
    openStore,
    newClient,
    adapterConnectionName,
    startInstance: (options = {}) =>
      startTestServer({
        ...options,
        store: openStore(),
        socketAdapter: createAdapter(newClient(adapterConnectionName(instances++)), {
          streamName,
          channelPrefix: streamName,
          // Recovery sessions too, so no run ever meets another's.
          sessionKeyPrefix: `${keyPrefix}sio:session:`,
          blockTimeInMs: 1_000,
        }),
      }),
    processEnv: { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: keyPrefix },
  };
}

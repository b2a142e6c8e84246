/**
 * Opens the store the configuration names — Redis (with the Socket.IO adapter that lets several
 * instances share it) when REDIS_URL is set, else the SQLite file in DATA_DIR. The server
 * (`main.ts`) and the operator's command (`admin.ts`) open the same store this one way.
 */
import path from 'node:path';
import { Redis } from 'ioredis';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { AppDeps } from './app.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { RedisStore } from './store/redis/redis-store.js';
import { SqliteStore } from './store/sqlite/sqlite-store.js';
import type { Store } from './store/store.js';

export interface OpenedStore {
  store: Store;
  socketAdapter?: AppDeps['socketAdapter'];
  closeConnections: () => Promise<void>;
}

export async function openStore(
  config: Config,
  logger: Logger,
  /** Told the size of each group commit (the server's metrics); the admin command has none. */
  onBatch?: (size: number) => void,
): Promise<OpenedStore> {
  if (config.REDIS_URL) {
    const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 3 });
    redis.on('error', (error) => logger.warn({ err: error }, 'redis connection error'));
    const store = new RedisStore({
      redis,
      keyPrefix: config.REDIS_KEY_PREFIX,
      onError: (error) => logger.warn({ err: error }, 'redis store error'),
      ...(onBatch ? { onBatch } : {}),
    });
    await store.ping();
    const socketAdapter = createAdapter(redis, {
      streamName: `${config.REDIS_KEY_PREFIX}socket.io`,
      channelPrefix: `${config.REDIS_KEY_PREFIX}socket.io`,
      sessionKeyPrefix: `${config.REDIS_KEY_PREFIX}sio:session:`,
    });
    logger.info('using the Redis store and Socket.IO adapter');
    return { store, socketAdapter, closeConnections: async () => void (await redis.quit()) };
  }
  const file = path.resolve(config.DATA_DIR, 'setboard.sqlite');
  const store = SqliteStore.open({
    file,
    onError: (error) => logger.error({ err: error }, 'sqlite store error'),
    ...(onBatch ? { onBatch } : {}),
  });
  logger.info({ file }, 'using the SQLite store');
  return { store, closeConnections: async () => {} };
}

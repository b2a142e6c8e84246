/**
 * The process entry point and the only place that reads the environment and opens SQLite or
 * Redis. It wires the app, listens, and shuts down gracefully on SIGTERM/SIGINT: connections are
 * told to reconnect, every accepted update is stored, then the store is closed.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createApp, type AppDeps } from './app.js';
import { parseConfig, type Config } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { RedisStore } from './store/redis/redis-store.js';
import { SqliteStore } from './store/sqlite/sqlite-store.js';
import type { Store } from './store/store.js';

/** How long a graceful shutdown may take before the process exits anyway. */
const SHUTDOWN_DEADLINE_MS = 10_000;

interface OpenedStore {
  store: Store;
  socketAdapter?: AppDeps['socketAdapter'];
  closeConnections: () => Promise<void>;
}

async function openStore(config: Config, logger: Logger): Promise<OpenedStore> {
  if (config.REDIS_URL) {
    const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 3 });
    redis.on('error', (error) => logger.warn({ err: error }, 'redis connection error'));
    const store = new RedisStore({
      redis,
      keyPrefix: config.REDIS_KEY_PREFIX,
      onError: (error) => logger.warn({ err: error }, 'redis store error'),
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
  });
  logger.info({ file }, 'using the SQLite store');
  return { store, closeConnections: async () => {} };
}

function defaultClientDistDir(): string {
  // server/src/main.ts (dev) and server/dist/main.js (built) both sit two levels below the root.
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.resolve(here, '../../client/dist');
}

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL);
  const opened = await openStore(config, logger);
  const app = createApp({
    store: opened.store,
    logger,
    clientDistDir: config.CLIENT_DIST_DIR ?? defaultClientDistDir(),
    ...(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}),
    ...(opened.socketAdapter ? { socketAdapter: opened.socketAdapter } : {}),
  });
  await new Promise<void>((resolve) => app.httpServer.listen(config.PORT, config.HOST, resolve));
  const address = app.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  logger.info({ port, host: config.HOST }, 'listening');
  const shown = config.PUBLIC_URL ?? `http://localhost:${port}`;
  // Like Jupyter's token link: printed to the console only, never to the structured log.
  const setupUrl = await app.setupUrl(shown);
  const setupNotice = setupUrl
    ? `Nobody has set up Setboard yet. To become its first organiser, open:\n\n    ${setupUrl}\n\n` +
      'This link works once; until it is used, a new one is printed each time the server starts.\n\n'
    : '';
  process.stdout.write(`\n${setupNotice}Setboard is running at ${shown}\n\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    await app.close();
    await opened.store.close();
    await opened.closeConnections();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Setboard could not start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});

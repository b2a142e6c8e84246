/**
 * Rate limits that hold across every instance sharing a store, built on rate-limiter-flexible
 * (its SQLite and Redis limiters). The adapters create them; callers only see `RateLimiter`.
 */
import {
  RateLimiterRedis,
  RateLimiterRes,
  RateLimiterSQLite,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { Database } from 'better-sqlite3';
import type { Redis } from 'ioredis';
import type { RateLimiter, RateLimitOptions } from './store.js';

/** Wraps a rate-limiter-flexible limiter: a refusal is a value, not a thrown result. */
function wrap(limiter: RateLimiterAbstract): RateLimiter {
  return {
    async consume(key, points = 1) {
      try {
        await limiter.consume(key, points);
        return { allowed: true, retryAfterMs: 0 };
      } catch (outcome) {
        if (outcome instanceof RateLimiterRes) {
          return { allowed: false, retryAfterMs: outcome.msBeforeNext };
        }
        throw outcome;
      }
    },
  };
}

/**
 * The library's in-memory block: a key over its points is refused from memory until its window
 * ends (no duration given: the block lasts exactly as long as the store's window).
 */
function inMemoryBlock(options: RateLimitOptions): { inMemoryBlockOnConsumed?: number } {
  return options.blockInMemory ? { inMemoryBlockOnConsumed: options.points + 1 } : {};
}

/** A limiter whose counters live in the SQLite file, in one table per store prefix. */
export function createSqliteRateLimiter(
  db: Database,
  keyPrefix: string,
  options: RateLimitOptions,
): RateLimiter {
  const tableName = `rate_limits_${keyPrefix.replace(/[^A-Za-z0-9_]/g, '_')}`;
  // The library creates its table asynchronously and refuses to count until it has; creating
  // it here (same shape) makes the limiter usable at once.
  db.exec(
    `CREATE TABLE IF NOT EXISTS ${tableName} (key TEXT PRIMARY KEY, points INTEGER NOT NULL DEFAULT 0, expire INTEGER)`,
  );
  return wrap(
    new RateLimiterSQLite({
      storeClient: db,
      storeType: 'better-sqlite3',
      tableName,
      tableCreated: true,
      keyPrefix: options.name,
      points: options.points,
      duration: options.durationSeconds,
      clearExpiredByTimeout: false,
      ...inMemoryBlock(options),
    }),
  );
}

/** A limiter whose counters are Redis keys under the store's prefix. */
export function createRedisRateLimiter(
  redis: Redis,
  counterPrefix: string,
  options: RateLimitOptions,
): RateLimiter {
  return wrap(
    new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: counterPrefix,
      points: options.points,
      duration: options.durationSeconds,
      ...inMemoryBlock(options),
    }),
  );
}

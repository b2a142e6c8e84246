/**
 * Which outside services this run can use. Suites that need Redis or Chromium call these at
 * collection time: when the service is missing they are skipped with a printed reason, unless
 * REQUIRE_REDIS=1 / REQUIRE_BROWSER=1 is set, in which case the missing service fails the run.
 */
import { existsSync } from 'node:fs';
import { Redis } from 'ioredis';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ServiceAvailability {
  available: boolean;
  /** Why the suite is skipped, printed once per suite. */
  reason: string;
}

async function probeRedis(): Promise<ServiceAvailability> {
  const client = new Redis(TEST_REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 1_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    return { available: true, reason: '' };
  } catch (error) {
    return {
      available: false,
      reason: `Redis is not answering at ${TEST_REDIS_URL} (${(error as Error).message})`,
    };
  } finally {
    client.disconnect();
  }
}

function probeChromium(): ServiceAvailability {
  return existsSync(CHROMIUM_PATH)
    ? { available: true, reason: '' }
    : { available: false, reason: `Chromium is not installed at ${CHROMIUM_PATH}` };
}

function decide(
  name: string,
  requiredBy: string,
  availability: ServiceAvailability,
): ServiceAvailability {
  if (availability.available) return availability;
  if (process.env[requiredBy] === '1') {
    throw new Error(`${availability.reason}, and ${requiredBy}=1 requires it.`);
  }
  console.warn(
    `[skipped] ${name} suite: ${availability.reason}. Set ${requiredBy}=1 to fail instead of skipping.`,
  );
  return availability;
}

/** Redis availability for a suite named `suite`; throws when REQUIRE_REDIS=1 and it is absent. */
export async function redisForSuite(suite: string): Promise<ServiceAvailability> {
  return decide(suite, 'REQUIRE_REDIS', await probeRedis());
}

/** Chromium availability for a suite named `suite`; throws when REQUIRE_BROWSER=1 and absent. */
export function chromiumForSuite(suite: string): ServiceAvailability {
  return decide(suite, 'REQUIRE_BROWSER', probeChromium());
}

/** A key prefix no other test (or run) uses, so runs on one Redis never collide. */
export function uniqueKeyPrefix(label: string): string {
  return `test:${label}:${process.pid}:${Math.random().toString(36).slice(2, 10)}:`;
}

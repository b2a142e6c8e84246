/**
 * The Lua scripts of the Redis store. A script runs atomically on the Redis server, which is
 * what makes compare-and-set and compaction safe with any number of instances: the check and
 * the write can never be split by another client's command.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/** A Lua script and its SHA-1, for EVALSHA. */
export interface LuaScript {
  readonly name: string;
  readonly lua: string;
  readonly sha: string;
  readonly numberOfKeys: number;
}

export function defineScript(name: string, numberOfKeys: number, lua: string): LuaScript {
  return { name, lua, numberOfKeys, sha: createHash('sha1').update(lua).digest('hex') };
}

/**
 * Every script that writes records also counts the write in the change counts hash, in the same
 * atomic step (`RecordStore.changeCounts`).
 *
 * KEYS: record hash, collection index, change counts. ARGV: expected version, JSON value, id,
 * collection. Returns `{1, newVersion}` or `{0, currentVersion}`.
 */
export const PUT_RECORD = defineScript(
  'putRecord',
  3,
  `
local current = tonumber(redis.call('HGET', KEYS[1], 'v') or '0')
if current ~= tonumber(ARGV[1]) then return {0, current} end
local version = current + 1
redis.call('HSET', KEYS[1], 'v', version, 'json', ARGV[2])
redis.call('SADD', KEYS[2], ARGV[3])
redis.call('HINCRBY', KEYS[3], ARGV[4], 1)
return {1, version}
`,
);

/**
 * KEYS: collection index, change counts, then one record hash per record. ARGV: the collection,
 * then per record its JSON value and its id. Creates each record that does not exist (version
 * 1); returns the ids that existed. Its key count varies: run it with
 * `{ ...CREATE_RECORDS, numberOfKeys }`.
 */
export const CREATE_RECORDS = defineScript(
  'createRecords',
  2,
  `
local existed = {}
for i = 3, #KEYS do
  local json, id = ARGV[(i - 3) * 2 + 2], ARGV[(i - 3) * 2 + 3]
  if redis.call('EXISTS', KEYS[i]) == 1 then
    table.insert(existed, id)
  else
    redis.call('HSET', KEYS[i], 'v', 1, 'json', json)
    redis.call('SADD', KEYS[1], id)
    redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
  end
end
return existed
`,
);

/**
 * KEYS: record hash, collection index, change counts. ARGV: expected version, id, collection.
 * Returns `{1, 0}` or `{0, currentVersion}`; deleting a missing record is a conflict.
 */
export const DELETE_RECORD = defineScript(
  'deleteRecord',
  3,
  `
local current = tonumber(redis.call('HGET', KEYS[1], 'v') or '0')
if current == 0 or current ~= tonumber(ARGV[1]) then return {0, current} end
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[2], ARGV[2])
redis.call('HINCRBY', KEYS[3], ARGV[3], 1)
return {1, 0}
`,
);

/**
 * KEYS: doc log, doc generation. ARGV: expected generation, replaceCount, merged update.
 * Returns 1 when compacted, 0 when the generation moved on. Appends only ever RPUSH, so while
 * the generation is unchanged the first `replaceCount` entries are exactly the ones the caller
 * loaded and merged; everything after them is kept.
 */
export const COMPACT_DOC = defineScript(
  'compactDoc',
  2,
  `
local generation = redis.call('GET', KEYS[2]) or '0'
if generation ~= ARGV[1] then return 0 end
local replaceCount = tonumber(ARGV[2])
if redis.call('LLEN', KEYS[1]) < replaceCount then
  return redis.error_reply('replaceCount exceeds the stored updates')
end
redis.call('LTRIM', KEYS[1], replaceCount, -1)
redis.call('LPUSH', KEYS[1], ARGV[3])
redis.call('INCR', KEYS[2])
return 1
`,
);

/**
 * Runs `script` with EVALSHA, loading it with EVAL the first time a Redis has not seen it (after
 * a restart or SCRIPT FLUSH). Used instead of ioredis `defineCommand`, which would add methods
 * to the caller's client, which this store does not own.
 */
export async function runScript(
  redis: Redis,
  script: LuaScript,
  keys: string[],
  args: Array<string | number | Buffer>,
): Promise<unknown> {
  try {
    return await redis.evalsha(script.sha, script.numberOfKeys, ...keys, ...args);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
    return await redis.eval(script.lua, script.numberOfKeys, ...keys, ...args);
  }
}

/** Reads a script's `{flag, number}` reply as a typed pair, failing loudly on anything else. */
export function parseFlagAndNumber(reply: unknown, script: LuaScript): [boolean, number] {
  if (Array.isArray(reply) && reply.length === 2) {
    const [flag, value] = reply as unknown[];
    if (typeof flag === 'number' && typeof value === 'number') return [flag === 1, value];
  }
  throw new Error(`Unexpected reply from the ${script.name} script: ${JSON.stringify(reply)}`);
}

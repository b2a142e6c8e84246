/**
 * Lua scripts for rewriting and erasing stored docs on Redis (`replaceDoc`, `deleteDoc` in
 * store.ts). Kept apart from the append path. Each runs atomically on the Redis server, so the
 * check "nothing was appended or compacted since the load" and the rewrite cannot be split by
 * another instance's append.
 */
import { defineScript } from './redis-scripts.js';

/**
 * KEYS: doc log, doc generation. ARGV: expected generation, expected number of updates, state.
 * Returns the new generation (a string), or false (nil) when the log moved on.
 */
export const REPLACE_DOC = defineScript(
  'replaceDoc',
  2,
  `
local generation = redis.call('GET', KEYS[2]) or '0'
if generation ~= ARGV[1] then return false end
if redis.call('LLEN', KEYS[1]) ~= tonumber(ARGV[2]) then return false end
redis.call('DEL', KEYS[1])
redis.call('RPUSH', KEYS[1], ARGV[3])
return tostring(redis.call('INCR', KEYS[2]))
`,
);

/** KEYS: doc log, doc generation. Deletes the log and moves the generation on. */
export const DELETE_DOC = defineScript(
  'deleteDoc',
  2,
  `
redis.call('DEL', KEYS[1])
redis.call('INCR', KEYS[2])
return 1
`,
);

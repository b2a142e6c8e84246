/**
 * Key and channel names, in one place, so every Redis key the store writes is visible here and
 * starts with the store's `keyPrefix` (store.ts). The SQLite adapter keeps the prefix in a column
 * instead, but checks names with the same rules so both adapters accept exactly the same input.
 */

/** The prefix used when none is given; matches `REDIS_KEY_PREFIX`'s default in config.ts. */
export const DEFAULT_KEY_PREFIX = 'setboard:';

/**
 * Collection names are code constants (`sets`, `people`, `audit-log`). Forbidding `:` keeps the
 * record key `<prefix>rec:<collection>:<id>` unambiguous whatever the id contains: without it,
 * collection `a:b` + id `c` and collection `a` + id `b:c` would share one key.
 */
const COLLECTION_NAME_PATTERN = /^[A-Za-z0-9_.-]{1,100}$/;

/** The names a Redis store uses for one key prefix. */
export interface StoreKeys {
  /** Hash `{ v, json }` holding one record. */
  record(collection: string, id: string): string;
  /** Set of the ids in a collection, so `list` needs no SCAN. */
  collectionIndex(collection: string): string;
  /** Hash of collection → how many times its records were written (`changeCounts`). */
  recordChanges(): string;
  /** List of a doc's updates, oldest first. */
  docLog(docName: string): string;
  /** Counter bumped by every compaction; absent means generation `0`. */
  docGeneration(docName: string): string;
  /** Pub/sub channel carrying a doc's appended updates. */
  docChannel(docName: string): string;
  /** Pub/sub channel carrying a doc's presence (awareness) messages; never stored. */
  presenceChannel(docName: string): string;
  /** Prefix of a rate limiter's counters (rate-limiter-flexible appends `:<key>`). */
  rateLimit(name: string): string;
}

/**
 * Builds the key names for `keyPrefix`. Doc keys end in distinct suffixes (`:log`, `:gen`), so
 * no doc name (which may contain `:`, e.g. `set:42`) can make one doc's key equal another's.
 */
export function createStoreKeys(keyPrefix: string = DEFAULT_KEY_PREFIX): StoreKeys {
  return {
    record: (collection, id) => `${keyPrefix}rec:${collection}:${id}`,
    collectionIndex: (collection) => `${keyPrefix}idx:${collection}`,
    recordChanges: () => `${keyPrefix}record-changes`,
    docLog: (docName) => `${keyPrefix}doc:${docName}:log`,
    docGeneration: (docName) => `${keyPrefix}doc:${docName}:gen`,
    docChannel: (docName) => `${keyPrefix}doc:${docName}`,
    presenceChannel: (docName) => `${keyPrefix}presence:${docName}`,
    rateLimit: (name) => `${keyPrefix}rl:${name}`,
  };
}

/** Throws a `TypeError` unless `collection` is a valid collection name. */
export function assertCollectionName(collection: string): void {
  if (typeof collection !== 'string' || !COLLECTION_NAME_PATTERN.test(collection)) {
    throw new TypeError(
      `Invalid collection name ${JSON.stringify(collection)}: use 1-100 of A-Z a-z 0-9 _ . -`,
    );
  }
}

/** Throws a `TypeError` unless `id` is a non-empty string. */
export function assertRecordId(id: string): void {
  if (typeof id !== 'string' || id.length === 0) {
    throw new TypeError(`Invalid record id ${JSON.stringify(id)}: must be a non-empty string`);
  }
}

/** Throws a `TypeError` unless `docName` is a non-empty string. */
export function assertDocName(docName: string): void {
  if (typeof docName !== 'string' || docName.length === 0) {
    throw new TypeError(`Invalid doc name ${JSON.stringify(docName)}: must be a non-empty string`);
  }
}

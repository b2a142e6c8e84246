/**
 * The store module's public face: the Store port and its two adapters. Callers import from here;
 * only `main.ts` needs to know which adapter it builds.
 */
export type {
  CasResult,
  DocLogPosition,
  DocStore,
  DocUpdateListener,
  RecordStore,
  Store,
  StoredDoc,
  VersionedRecord,
} from './store.js';
export { StoreClosedError } from './adapter-support.js';
export { DEFAULT_KEY_PREFIX, createStoreKeys, type StoreKeys } from './keys.js';
export {
  SqliteStore,
  type SqliteStoreOptions,
  type SqliteStoreOpenOptions,
} from './sqlite/sqlite-store.js';
export { RedisStore, type RedisStoreOptions } from './redis/redis-store.js';

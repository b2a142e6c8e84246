/** What tests and tools import from the server package. */
export { createApp, type App, type AppDeps } from './app.js';
export { parseConfig, type Config } from './config.js';
export { createLogger, type Logger } from './logger.js';
export { nextDueAt, type Scheduler } from './meetings/meeting-clock.js';
export type {
  Store,
  RecordStore,
  DocStore,
  StoredDoc,
  CasResult,
  VersionedRecord,
} from './store/store.js';
export { compactStoredLog } from './realtime/yjs/shared-doc.js';

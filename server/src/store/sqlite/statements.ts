/**
 * The SQLite store's prepared statements, typed by their parameters and rows. Preparing them
 * once per handle keeps each Store call to a few bound executions.
 */
import type { Database, Statement } from 'better-sqlite3';

interface RecordRow {
  version: number;
  json: string;
}

interface ListedRecordRow extends RecordRow {
  id: string;
}

/** Every statement the SQLite store runs. `ns` is always the store's key prefix. */
export interface SqliteStatements {
  getRecord: Statement<[ns: string, collection: string, id: string], RecordRow>;
  upsertRecord: Statement<
    [ns: string, collection: string, id: string, version: number, json: string],
    void
  >;
  createRecord: Statement<[ns: string, collection: string, id: string, json: string], void>;
  deleteRecord: Statement<[ns: string, collection: string, id: string], void>;
  listRecords: Statement<[ns: string, collection: string], ListedRecordRow>;
  changeCount: Statement<[ns: string, collection: string], { changes: number }>;
  appendUpdate: Statement<[ns: string, doc: string, bytes: Buffer], void>;
  loadUpdates: Statement<[ns: string, doc: string], { bytes: Buffer }>;
  getGeneration: Statement<[ns: string, doc: string], { generation: number }>;
  setGeneration: Statement<[ns: string, doc: string, generation: number], void>;
  oldestSeqs: Statement<[ns: string, doc: string, limit: number], { seq: number }>;
  deleteUpdatesThrough: Statement<[ns: string, doc: string, lastSeq: number], void>;
  insertUpdateAt: Statement<[seq: number, ns: string, doc: string, bytes: Buffer], void>;
  ping: Statement<[], { one: number }>;
}

/** Prepares the statements on `db` (whose schema must already exist). */
export function prepareStatements(db: Database): SqliteStatements {
  return {
    getRecord: db.prepare(
      'SELECT version, json FROM records WHERE ns = ? AND collection = ? AND id = ?',
    ),
    upsertRecord: db.prepare(
      `INSERT INTO records (ns, collection, id, version, json) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (ns, collection, id) DO UPDATE SET version = excluded.version, json = excluded.json`,
    ),
    createRecord: db.prepare(
      `INSERT INTO records (ns, collection, id, version, json) VALUES (?, ?, ?, 1, ?)
       ON CONFLICT (ns, collection, id) DO NOTHING`,
    ),
    deleteRecord: db.prepare('DELETE FROM records WHERE ns = ? AND collection = ? AND id = ?'),
    listRecords: db.prepare(
      'SELECT id, version, json FROM records WHERE ns = ? AND collection = ?',
    ),
    changeCount: db.prepare('SELECT changes FROM record_changes WHERE ns = ? AND collection = ?'),
    appendUpdate: db.prepare('INSERT INTO doc_updates (ns, doc, update_bytes) VALUES (?, ?, ?)'),
    loadUpdates: db.prepare(
      'SELECT update_bytes AS bytes FROM doc_updates WHERE ns = ? AND doc = ? ORDER BY seq',
    ),
    getGeneration: db.prepare('SELECT generation FROM doc_generations WHERE ns = ? AND doc = ?'),
    setGeneration: db.prepare(
      `INSERT INTO doc_generations (ns, doc, generation) VALUES (?, ?, ?)
       ON CONFLICT (ns, doc) DO UPDATE SET generation = excluded.generation`,
    ),
    oldestSeqs: db.prepare(
      'SELECT seq FROM doc_updates WHERE ns = ? AND doc = ? ORDER BY seq LIMIT ?',
    ),
    deleteUpdatesThrough: db.prepare(
      'DELETE FROM doc_updates WHERE ns = ? AND doc = ? AND seq <= ?',
    ),
    insertUpdateAt: db.prepare(
      'INSERT INTO doc_updates (seq, ns, doc, update_bytes) VALUES (?, ?, ?, ?)',
    ),
    ping: db.prepare('SELECT 1 AS one'),
  };
}

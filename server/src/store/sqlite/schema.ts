/**
 * The SQLite schema. Every table leads with `ns` (the store's key prefix) so that stores with
 * different prefixes share one file without seeing each other; keeping the prefix in its own
 * column (rather than glued to names) means no pair of prefix + name can collide.
 */
import type { Database } from 'better-sqlite3';

const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS records (
  ns         TEXT    NOT NULL,
  collection TEXT    NOT NULL,
  id         TEXT    NOT NULL,
  version    INTEGER NOT NULL,
  json       TEXT    NOT NULL,
  PRIMARY KEY (ns, collection, id)
) WITHOUT ROWID;

-- seq orders a doc's log. A compaction deletes the oldest rows and reinserts the merged update
-- at the largest seq it deleted, which keeps it before every update appended meanwhile.
CREATE TABLE IF NOT EXISTS doc_updates (
  seq    INTEGER PRIMARY KEY,
  ns     TEXT NOT NULL,
  doc    TEXT NOT NULL,
  update_bytes BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_updates_by_doc ON doc_updates (ns, doc, seq);

-- A row exists once a doc has been compacted; no row means generation 0.
CREATE TABLE IF NOT EXISTS doc_generations (
  ns         TEXT    NOT NULL,
  doc        TEXT    NOT NULL,
  generation INTEGER NOT NULL,
  PRIMARY KEY (ns, doc)
) WITHOUT ROWID;

-- How many times each collection's records were written (created, changed or deleted). Kept by
-- triggers, so the count moves in the same transaction as the record, whoever wrote it (another
-- process on the same file included): see RecordStore.changeCounts.
CREATE TABLE IF NOT EXISTS record_changes (
  ns         TEXT    NOT NULL,
  collection TEXT    NOT NULL,
  changes    INTEGER NOT NULL,
  PRIMARY KEY (ns, collection)
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS record_created AFTER INSERT ON records BEGIN
  INSERT INTO record_changes (ns, collection, changes) VALUES (new.ns, new.collection, 1)
  ON CONFLICT (ns, collection) DO UPDATE SET changes = changes + 1;
END;
CREATE TRIGGER IF NOT EXISTS record_changed AFTER UPDATE ON records BEGIN
  INSERT INTO record_changes (ns, collection, changes) VALUES (new.ns, new.collection, 1)
  ON CONFLICT (ns, collection) DO UPDATE SET changes = changes + 1;
END;
CREATE TRIGGER IF NOT EXISTS record_deleted AFTER DELETE ON records BEGIN
  INSERT INTO record_changes (ns, collection, changes) VALUES (old.ns, old.collection, 1)
  ON CONFLICT (ns, collection) DO UPDATE SET changes = changes + 1;
END;
`;

/** Creates the tables if they are missing; safe to run on every start. */
export function createSchema(db: Database): void {
  db.exec(SCHEMA_SQL);
}

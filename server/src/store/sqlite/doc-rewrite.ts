/**
 * The SQLite side of rewriting and erasing stored docs (`replaceDoc`, `deleteDoc`, `scrub` in
 * store.ts). Kept apart from the append path so the two can change independently.
 *
 * Each write runs in one BEGIN IMMEDIATE transaction: the check (generation and number of
 * updates unchanged) and the rewrite hold the write lock together, so no append on any
 * connection to the file can slip in between.
 */
import type { Database, Statement, Transaction } from 'better-sqlite3';
import { asBuffer } from '../adapter-support.js';

interface RewriteStatements {
  countUpdates: Statement<[ns: string, doc: string], { n: number }>;
  getGeneration: Statement<[ns: string, doc: string], { generation: number }>;
  setGeneration: Statement<[ns: string, doc: string, generation: number], void>;
  deleteUpdates: Statement<[ns: string, doc: string], void>;
  insertUpdate: Statement<[ns: string, doc: string, bytes: Buffer], void>;
}

export interface DocRewriter {
  /** `replaceDoc`: the new generation, or null when the log moved on since `basedOn`. */
  replace(
    docName: string,
    state: Uint8Array,
    basedOn: { generation: string; updateCount: number },
  ): string | null;
  /** `deleteDoc`. */
  remove(docName: string): void;
  /** `scrub`: checkpoints the WAL into the file and truncates it. */
  scrub(): void;
}

/**
 * Turns on `secure_delete` for this connection (SQLite then overwrites deleted content with
 * zeros instead of leaving it in free pages) and prepares the rewrite statements.
 */
export function createDocRewriter(db: Database, ns: string): DocRewriter {
  db.pragma('secure_delete = ON');
  const sql: RewriteStatements = {
    countUpdates: db.prepare('SELECT count(*) AS n FROM doc_updates WHERE ns = ? AND doc = ?'),
    getGeneration: db.prepare('SELECT generation FROM doc_generations WHERE ns = ? AND doc = ?'),
    setGeneration: db.prepare(
      `INSERT INTO doc_generations (ns, doc, generation) VALUES (?, ?, ?)
       ON CONFLICT (ns, doc) DO UPDATE SET generation = excluded.generation`,
    ),
    deleteUpdates: db.prepare('DELETE FROM doc_updates WHERE ns = ? AND doc = ?'),
    insertUpdate: db.prepare('INSERT INTO doc_updates (ns, doc, update_bytes) VALUES (?, ?, ?)'),
  };
  const generationOf = (docName: string) => sql.getGeneration.get(ns, docName)?.generation ?? 0;

  const replace: Transaction<
    (docName: string, state: Uint8Array, generation: string, count: number) => string | null
  > = db.transaction((docName, state, generation, count) => {
    const current = generationOf(docName);
    if (String(current) !== generation) return null;
    if ((sql.countUpdates.get(ns, docName)?.n ?? 0) !== count) return null;
    sql.deleteUpdates.run(ns, docName);
    sql.insertUpdate.run(ns, docName, asBuffer(state));
    sql.setGeneration.run(ns, docName, current + 1);
    return String(current + 1);
  });
  const remove: Transaction<(docName: string) => void> = db.transaction((docName) => {
    sql.deleteUpdates.run(ns, docName);
    sql.setGeneration.run(ns, docName, generationOf(docName) + 1);
  });

  return {
    replace: (docName, state, basedOn) =>
      replace.immediate(docName, state, basedOn.generation, basedOn.updateCount),
    remove: (docName) => remove.immediate(docName),
    scrub: () => {
      // TRUNCATE waits for readers on this file and leaves a zero-length -wal behind. A reader
      // on another connection can keep it from finishing; then the pages stay until the next.
      const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
      if (result && result.busy !== 0) {
        throw new Error('SQLite could not checkpoint the write-ahead log: a reader holds it');
      }
    },
  };
}

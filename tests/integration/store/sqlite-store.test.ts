/**
 * The Store contract [AT-A1] on SQLite: every test gets its own key prefix on one shared file, so
 * the prefix-isolation test is real (two prefixes, one file). Peers and reopened stores are more
 * SqliteStore objects opened on that same file, as a restarted server would open it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../server/src/store/index.js';
import { describeStoreContract } from './store-contract.js';
import { describeDocRewriteContract } from './doc-rewrite-contract.js';

const dataDir = mkdtempSync(join(tmpdir(), 'setboard-sqlite-store-'));
// A directory that does not exist yet: open() must create it.
const file = join(dataDir, 'nested', 'store.db');

/** How often `text` occurs in the database file with its -wal and -shm. */
function countInSqliteFiles(dbFile: string, text: string): number {
  let count = 0;
  for (const name of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) {
    if (!existsSync(name)) continue;
    const bytes = readFileSync(name);
    for (let at = bytes.indexOf(text); at !== -1; at = bytes.indexOf(text, at + 1)) count++;
  }
  return count;
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const makeSqliteStore = async (keyPrefix: string) => {
  const opened: SqliteStore[] = [];
  const open = (): SqliteStore => {
    const store = SqliteStore.open({ file, keyPrefix });
    opened.push(store);
    return store;
  };
  return {
    store: open(),
    reopen: async () => open(),
    peer: async () => open(),
    // Rows stay in the temp file, which afterAll removes; prefixes keep tests apart meanwhile.
    cleanup: async () => {
      for (const store of opened) await store.close();
    },
  };
};

describeStoreContract('SqliteStore', makeSqliteStore);
describeDocRewriteContract('SqliteStore', makeSqliteStore);

describe('SqliteStore specifics [AT-A1]', () => {
  it('[AT-A1] open() puts the file in WAL mode with full fsync on commit', async () => {
    const store = SqliteStore.open({ file, keyPrefix: 'pragmas:' });
    await store.close();
    const db = new Database(file);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      // synchronous is per connection; FULL (2) is what open() sets on its own.
    } finally {
      db.close();
    }
  });

  it('[AT-RX1] after deleteDoc, a replace and a record delete, scrub leaves no trace in the file, -wal or -shm', async () => {
    const scrubFile = join(dataDir, 'scrub', 'store.db');
    const store = SqliteStore.open({ file: scrubFile, keyPrefix: 'scrub:' });
    const canary = 'CANARY-sqlite-scrub-7d1f';
    try {
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => updates.push(update));
      doc.getText('body').insert(0, `kept words ${canary} and more`);
      for (const update of updates) await store.appendUpdate('log:a', update);
      for (const update of updates) await store.appendUpdate('set:b', update);
      await store.put('people', 'p1', { bio: canary }, 0);
      expect(countInSqliteFiles(scrubFile, canary)).toBeGreaterThan(0);

      await store.deleteDoc('log:a');
      const loaded = await store.loadDoc('set:b');
      const clean = new Y.Doc();
      clean.getText('body').insert(0, 'kept words');
      const basedOn = { generation: loaded.generation, updateCount: loaded.updates.length };
      expect((await store.replaceDoc('set:b', Y.encodeStateAsUpdate(clean), basedOn)).ok).toBe(
        true,
      );
      await store.put('people', 'p1', { bio: 'erased' }, 1);
      await store.scrub();
      expect(countInSqliteFiles(scrubFile, canary)).toBe(0);
      expect(existsSync(`${scrubFile}-wal`) ? statSync(`${scrubFile}-wal`).size : 0).toBe(0);
    } finally {
      await store.close();
    }
  });

  it("[AT-A1] a store on the caller's handle leaves it open on close", async () => {
    const db = new Database(join(dataDir, 'caller-owned.db'));
    try {
      const store = new SqliteStore({ db, keyPrefix: 'caller:' });
      await store.put('sets', 's1', 1, 0);
      await store.close();
      expect(db.open).toBe(true);
      expect(db.prepare('SELECT count(*) AS n FROM records').get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });
});

/**
 * The Store contract [A1] on SQLite: every test gets its own key prefix on one shared file, so
 * the prefix-isolation test is real (two prefixes, one file). Peers and reopened stores are more
 * SqliteStore objects opened on that same file, as a restarted server would open it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../server/src/store/index.js';
import { describeStoreContract } from './store-contract.js';

const dataDir = mkdtempSync(join(tmpdir(), 'setboard-sqlite-store-'));
// A directory that does not exist yet: open() must create it.
const file = join(dataDir, 'nested', 'store.db');

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describeStoreContract('SqliteStore', async (keyPrefix) => {
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
});

describe('SqliteStore specifics [A1]', () => {
  it('[A1] open() puts the file in WAL mode with full fsync on commit', async () => {
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

  it("[A1] a store on the caller's handle leaves it open on close", async () => {
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

/**
 * The Store contract for rewriting and erasing docs [AT-A1] (`replaceDoc`, `deleteDoc`, `scrub`
 * in store.ts): both adapters' test files run it with the same factory as the main contract.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Store } from '../../../server/src/store/index.js';
import { uniqueKeyPrefix } from '../../support/services.js';
import type { StoreUnderTest } from './store-contract.js';

function textUpdates(words: string[]): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (const word of words) doc.getText('body').insert(doc.getText('body').length, word);
  return { doc, updates };
}

function textOf(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc.getText('body').toString();
}

/** A fresh doc holding `text` only: what an erasure or repair stores instead of the log. */
function freshState(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('body').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

async function appendAll(store: Store, docName: string, updates: Uint8Array[]): Promise<void> {
  for (const update of updates) await store.appendUpdate(docName, update);
}

export function describeDocRewriteContract(
  label: string,
  makeStore: (keyPrefix: string) => Promise<StoreUnderTest>,
): void {
  describe(`Store contract, rewriting docs [AT-A1]: ${label}`, () => {
    const cleanups: Array<() => Promise<void>> = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    });
    async function open(): Promise<StoreUnderTest> {
      const opened = await makeStore(uniqueKeyPrefix(label));
      cleanups.push(opened.cleanup);
      return opened;
    }

    it('[AT-A1] replaceDoc swaps the whole log for one state and moves the generation on', async () => {
      const { store } = await open();
      await appendAll(store, 'set:r', textUpdates(['keep ', 'secret ', 'this']).updates);
      const loaded = await store.loadDoc('set:r');
      const result = await store.replaceDoc('set:r', freshState('keep this'), {
        generation: loaded.generation,
        updateCount: loaded.updates.length,
      });
      expect(result.ok).toBe(true);
      const after = await store.loadDoc('set:r');
      expect(after.updates).toHaveLength(1);
      expect(textOf(after.updates)).toBe('keep this');
      expect(after.generation).not.toBe(loaded.generation);
      if (result.ok) expect(result.generation).toBe(after.generation);
      // The old log's bytes are gone, not merely superseded.
      const bytes = Buffer.concat(after.updates.map((update) => Buffer.from(update)));
      expect(bytes.includes('secret')).toBe(false);
    });

    it('[AT-A1] replaceDoc refuses, changing nothing, when an update was appended after the load', async () => {
      const { store, peer } = await open();
      const { doc, updates } = textUpdates(['one ', 'two ']);
      await appendAll(store, 'slot:x', updates);
      const loaded = await store.loadDoc('slot:x');
      // Another instance appends after the read the new state was built from.
      const late: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => late.push(update));
      doc.getText('body').insert(0, 'late ');
      await ((await peer?.()) ?? store).appendUpdate('slot:x', late[0]!);
      const basedOn = { generation: loaded.generation, updateCount: loaded.updates.length };
      expect(await store.replaceDoc('slot:x', freshState('rebuilt'), basedOn)).toEqual({
        ok: false,
      });
      const after = await store.loadDoc('slot:x');
      expect(after.updates).toHaveLength(3);
      expect(textOf(after.updates)).toBe('late one two ');
      // The retry, built from a fresh load, succeeds.
      const retry = await store.replaceDoc('slot:x', freshState('late one two'), {
        generation: after.generation,
        updateCount: after.updates.length,
      });
      expect(retry.ok).toBe(true);
    });

    it('[AT-A1] replaceDoc refuses after a compaction, and a compaction of the old log fails after a replace', async () => {
      const { store } = await open();
      const { updates } = textUpdates(['a', 'b', 'c']);
      await appendAll(store, 'd', updates);
      const loaded = await store.loadDoc('d');
      const position = { generation: loaded.generation, updateCount: loaded.updates.length };
      const compaction = {
        generation: loaded.generation,
        replaceCount: 2,
        merged: Y.mergeUpdates(updates.slice(0, 2)),
      };
      expect((await store.replaceDoc('d', freshState('x'), position)).ok).toBe(true);
      expect(await store.compactDoc('d', compaction)).toBe(false);
      expect(textOf((await store.loadDoc('d')).updates)).toBe('x');
      // And the other way round: a compaction first makes the replace stale.
      const fresh = await store.loadDoc('d');
      await store.appendUpdate('d', textUpdates(['y']).updates[0]!);
      const again = await store.loadDoc('d');
      expect(
        await store.compactDoc('d', {
          generation: again.generation,
          replaceCount: 2,
          merged: Y.mergeUpdates(again.updates),
        }),
      ).toBe(true);
      const stale = { generation: fresh.generation, updateCount: 2 };
      expect(await store.replaceDoc('d', freshState('z'), stale)).toEqual({ ok: false });
    });

    it('[AT-A1] 20 concurrent replaces from the same load: exactly one wins', async () => {
      const { store, peer } = await open();
      const other = (await peer?.()) ?? store;
      await appendAll(store, 'd', textUpdates(['p', 'q']).updates);
      const loaded = await store.loadDoc('d');
      const basedOn = { generation: loaded.generation, updateCount: loaded.updates.length };
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? other : store).replaceDoc('d', freshState(`v${i}`), basedOn),
        ),
      );
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect((await store.loadDoc('d')).updates).toHaveLength(1);
    });

    it('[AT-A1] replaceDoc of a doc never stored works from the empty position', async () => {
      const { store } = await open();
      const empty = await store.loadDoc('log:new');
      expect(empty.updates).toEqual([]);
      const result = await store.replaceDoc('log:new', freshState('hello'), {
        generation: empty.generation,
        updateCount: 0,
      });
      expect(result.ok).toBe(true);
      expect(textOf((await store.loadDoc('log:new')).updates)).toBe('hello');
    });

    it('[AT-A1] deleteDoc empties the log, leaves other docs alone and defeats a pending compaction', async () => {
      const { store } = await open();
      const { updates } = textUpdates(['gone', ' soon']);
      await appendAll(store, 'log:p1', updates);
      await appendAll(store, 'log:p2', textUpdates(['stays']).updates);
      const loaded = await store.loadDoc('log:p1');
      await store.deleteDoc('log:p1');
      await store.deleteDoc('log:never-stored');
      expect((await store.loadDoc('log:p1')).updates).toEqual([]);
      expect(textOf((await store.loadDoc('log:p2')).updates)).toBe('stays');
      expect(
        await store.compactDoc('log:p1', {
          generation: loaded.generation,
          replaceCount: 2,
          merged: Y.mergeUpdates(updates),
        }),
      ).toBe(false);
      expect((await store.loadDoc('log:p1')).updates).toEqual([]);
      await expect(store.scrub()).resolves.toBeUndefined();
    });

    it('[AT-A1] bad arguments are refused and change nothing', async () => {
      const { store } = await open();
      await appendAll(store, 'd', textUpdates(['safe']).updates);
      const state = freshState('x');
      const bad: Array<() => Promise<unknown>> = [
        () => store.replaceDoc('', state, { generation: '0', updateCount: 1 }),
        () =>
          store.replaceDoc('d', 'x' as unknown as Uint8Array, { generation: '0', updateCount: 1 }),
        () => store.replaceDoc('d', state, { generation: 0 as unknown as string, updateCount: 1 }),
        () => store.replaceDoc('d', state, { generation: '0', updateCount: -1 }),
        () => store.deleteDoc(''),
      ];
      for (const call of bad) await expect(call()).rejects.toThrow(TypeError);
      expect(textOf((await store.loadDoc('d')).updates)).toBe('safe');
    });

    it('[AT-A1] the rewrite methods reject after close', async () => {
      const { store } = await open();
      await store.close();
      const state = freshState('x');
      await expect(
        store.replaceDoc('d', state, { generation: '0', updateCount: 0 }),
      ).rejects.toThrow(/closed/);
      await expect(store.deleteDoc('d')).rejects.toThrow(/closed/);
      await expect(store.scrub()).rejects.toThrow(/closed/);
    });
  });
}

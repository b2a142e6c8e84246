/**
 * The Store contract [AT-A1]: one suite every adapter must pass (store.ts). Each backend's test file
 * calls `describeStoreContract` with a factory; the suite never knows which backend it runs on.
 * Tests wait for deliveries with `vi.waitFor`; "not delivered" is checked with a later sentinel
 * update, since delivery is in order: once the sentinel arrives, anything before it would have.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { Store } from '../../../server/src/store/index.js';
import { uniqueKeyPrefix } from '../../support/services.js';

/** What a backend's factory hands the suite for one key prefix. */
export interface StoreUnderTest {
  store: Store;
  /** A new store on the same backing data and prefix, for durability checks. */
  reopen?: () => Promise<Store>;
  /** Another store on the same backend and prefix: "another instance". */
  peer?: () => Promise<Store>;
  /** Closes every store the factory made and removes what it wrote. */
  cleanup: () => Promise<void>;
}

const WAIT = { timeout: 5_000, interval: 10 };

/** `count` real Yjs updates: text edits on a Y.Doc, captured as the doc emits them. */
function captureTextEdits(count: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = doc.getText('body');
  for (let i = 0; i < count; i++) {
    if (i % 10 === 9) text.delete(i % 7, 1);
    else text.insert(text.length - (i % 3), String.fromCharCode(97 + (i % 26)));
  }
  return { doc, updates };
}

function textOf(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc.getText('body').toString();
}

async function appendAll(store: Store, docName: string, updates: Uint8Array[]): Promise<void> {
  for (const update of updates) await store.appendUpdate(docName, update);
}

function sortById<T extends { id: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => a.id.localeCompare(b.id));
}

/** Runs the Store contract against the stores `makeStore` builds. */
export function describeStoreContract(
  label: string,
  makeStore: (keyPrefix: string) => Promise<StoreUnderTest>,
): void {
  describe(`Store contract [AT-A1]: ${label}`, () => {
    const cleanups: Array<() => Promise<void>> = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    });

    async function open(keyPrefix = uniqueKeyPrefix(label)): Promise<StoreUnderTest> {
      const opened = await makeStore(keyPrefix);
      cleanups.push(opened.cleanup);
      return opened;
    }

    async function openWithPeer(): Promise<{ store: Store; peer: Store }> {
      const opened = await open();
      if (!opened.peer) throw new Error(`${label}: this contract test needs peer()`);
      return { store: opened.store, peer: await opened.peer() };
    }

    describe('records', () => {
      it('[AT-A1] get of a missing record is null', async () => {
        const { store } = await open();
        expect(await store.get('sets', 'nope')).toBeNull();
      });

      it('[AT-A1] put with expectedVersion 0 creates, and a second create conflicts', async () => {
        const { store } = await open();
        expect(await store.put('sets', 's1', { name: 'first' }, 0)).toEqual({
          ok: true,
          version: 1,
        });
        expect(await store.put('sets', 's1', { name: 'second' }, 0)).toEqual({
          ok: false,
          currentVersion: 1,
        });
        expect(await store.get('sets', 's1')).toEqual({ value: { name: 'first' }, version: 1 });
      });

      it('[AT-A1] put with the current version updates; a stale one conflicts with currentVersion', async () => {
        const { store } = await open();
        await store.put('sets', 's1', { n: 1 }, 0);
        expect(await store.put('sets', 's1', { n: 2 }, 1)).toEqual({ ok: true, version: 2 });
        expect(await store.put('sets', 's1', { n: 3 }, 1)).toEqual({
          ok: false,
          currentVersion: 2,
        });
        expect(await store.put('sets', 'missing', { n: 1 }, 4)).toEqual({
          ok: false,
          currentVersion: 0,
        });
        expect(await store.get('sets', 's1')).toEqual({ value: { n: 2 }, version: 2 });
      });

      it('[AT-A1] delete needs the current version; deleting a missing record conflicts', async () => {
        const { store } = await open();
        await store.put('sets', 's1', 'a', 0);
        await store.put('sets', 's1', 'b', 1);
        expect(await store.delete('sets', 's1', 1)).toEqual({ ok: false, currentVersion: 2 });
        expect(await store.get('sets', 's1')).toEqual({ value: 'b', version: 2 });
        expect(await store.delete('sets', 's1', 2)).toEqual({ ok: true, version: 0 });
        expect(await store.get('sets', 's1')).toBeNull();
        expect(await store.delete('sets', 's1', 2)).toEqual({ ok: false, currentVersion: 0 });
        expect(await store.list('sets')).toEqual([]);
        expect(await store.put('sets', 's1', 'again', 0)).toEqual({ ok: true, version: 1 });
      });

      it('[AT-A1] values and ids round-trip exactly', async () => {
        const { store } = await open();
        const value = {
          text: 'Zoë 👋 "q" \n',
          list: [1, 2.5, null, true],
          nested: { a: { b: [] } },
        };
        const ids = ['plain', 'with:colons:x', 'spaces and ünicode', '*?[glob]'];
        for (const id of ids) await store.put('people', id, value, 0);
        for (const id of ids) expect(await store.get('people', id)).toEqual({ value, version: 1 });
      });

      it('[AT-A1] 50 concurrent puts with the same expectedVersion: exactly one wins', async () => {
        const { store, peer } = await openWithPeer();
        const attempt = (expected: number) =>
          Array.from({ length: 50 }, (_, i) =>
            (i % 2 === 0 ? store : peer).put('meetings', 'm1', { writer: i }, expected),
          );
        for (const expected of [0, 1]) {
          const results = await Promise.all(attempt(expected));
          expect(results.filter((result) => result.ok)).toEqual([
            { ok: true, version: expected + 1 },
          ]);
          for (const result of results.filter((r) => !r.ok)) {
            expect(result).toEqual({ ok: false, currentVersion: expected + 1 });
          }
        }
        expect((await peer.get('meetings', 'm1'))?.version).toBe(2);
      });

      it('[AT-A1] list returns every record of its collection and no other', async () => {
        const { store } = await open();
        await store.put('a', 'x', 1, 0);
        await store.put('a', 'y:z', 2, 0);
        await store.put('a', 'y:z', 3, 1);
        await store.put('ab', 'x', 'other collection', 0);
        await store.put('b', 'a:x', 'looks like a:x', 0);
        expect(sortById(await store.list('a'))).toEqual([
          { id: 'x', value: 1, version: 1 },
          { id: 'y:z', value: 3, version: 2 },
        ]);
        expect(await store.list('empty')).toEqual([]);
      });

      it('[AT-A1] createMany creates what is missing in one write, leaves what exists, and names it', async () => {
        const { store } = await open();
        await store.put('bindings', 'b', { owner: 'first' }, 0);
        const existed = await store.createMany('bindings', [
          { id: 'a', value: { owner: 'second' } },
          { id: 'b', value: { owner: 'second' } },
          { id: 'c:1', value: { owner: 'second' } },
        ]);
        expect(existed).toEqual(['b']);
        expect(sortById(await store.list('bindings'))).toEqual([
          { id: 'a', value: { owner: 'second' }, version: 1 },
          { id: 'b', value: { owner: 'first' }, version: 1 },
          { id: 'c:1', value: { owner: 'second' }, version: 1 },
        ]);
        expect(await store.createMany('bindings', [])).toEqual([]);
      });

      it('[AT-A1][AT-SP2] change counts move with every write of a collection, seen by every instance on the store', async () => {
        const { store, peer } = await openWithPeer();
        expect(await store.changeCounts(['sets', 'meetings'])).toEqual([0, 0]);
        await store.put('sets', 's1', { v: 1 }, 0);
        await store.put('sets', 's1', { v: 2 }, 1);
        expect(await store.put('sets', 's1', { v: 3 }, 1)).toMatchObject({ ok: false }); // no write
        await store.createMany('sets', [
          { id: 's1', value: { v: 9 } }, // exists: not written
          { id: 's2', value: { v: 1 } },
        ]);
        await store.delete('sets', 's2', 1);
        expect(await store.delete('sets', 's2', 1)).toMatchObject({ ok: false }); // no write
        await store.put('other', 'o1', 1, 0);
        expect(await store.changeCounts(['sets', 'meetings'])).toEqual([4, 0]);
        // Written by another instance (or process) on the same data: seen at once, no message.
        await peer.put('meetings', 'm1', { phase: 'lobby' }, 0);
        expect(await store.changeCounts(['meetings', 'sets', 'other'])).toEqual([1, 4, 1]);
        await expect(store.changeCounts(['a:b'])).rejects.toThrow(TypeError);
      });

      it('[AT-A1] collection names that could make keys ambiguous are refused', async () => {
        const { store } = await open();
        await expect(store.put('a:b', 'c', 1, 0)).rejects.toThrow(TypeError);
        await expect(store.get('', 'c')).rejects.toThrow(TypeError);
        await expect(store.put('a', '', 1, 0)).rejects.toThrow(TypeError);
        await expect(store.put('a', 'c', 1, -1)).rejects.toThrow(TypeError);
      });
    });

    describe('rate limits', () => {
      it('[AT-A1] a rate limiter allows its points per key, then refuses; peers share the count', async () => {
        const { store, peer } = await openWithPeer();
        const options = { name: 'contract', points: 3, durationSeconds: 60 };
        const here = store.createRateLimiter(options);
        const there = peer.createRateLimiter(options);
        expect((await here.consume('10.0.0.1')).allowed).toBe(true);
        expect((await there.consume('10.0.0.1')).allowed).toBe(true);
        expect((await here.consume('10.0.0.1')).allowed).toBe(true);
        const refused = await there.consume('10.0.0.1');
        expect(refused.allowed).toBe(false);
        expect(refused.retryAfterMs).toBeGreaterThan(0);
        expect((await here.consume('10.0.0.2')).allowed).toBe(true);
        // Several points at once.
        expect((await here.consume('10.0.0.3', 2)).allowed).toBe(true);
        expect((await there.consume('10.0.0.3', 2)).allowed).toBe(false);
      });
    });

    describe('docs', () => {
      it('[AT-A1] appended updates load back byte-exact and in order', async () => {
        const { store } = await open();
        const pooled = Buffer.from([9, 8, 7, 6, 5, 4]).subarray(2, 5); // a window on a pool
        const updates = [
          Uint8Array.from({ length: 256 }, (_, i) => i),
          new Uint8Array([0]),
          pooled,
          Uint8Array.from({ length: 65_536 }, (_, i) => (i * 31) % 256),
        ];
        await appendAll(store, 'slot:1', updates);
        const loaded = await store.loadDoc('slot:1');
        expect(loaded.updates).toStrictEqual(updates.map((update) => new Uint8Array(update)));
        expect(typeof loaded.generation).toBe('string');
        expect((await store.loadDoc('slot:unknown')).updates).toEqual([]);
      });

      it('[AT-A1] an append keeps its bytes even if the caller reuses its buffer', async () => {
        const { store } = await open();
        const buffer = new Uint8Array([1, 2, 3]);
        await store.appendUpdate('d', buffer);
        buffer.fill(0);
        expect((await store.loadDoc('d')).updates).toStrictEqual([new Uint8Array([1, 2, 3])]);
      });

      it('[AT-A1] records and updates survive close and reopen', async () => {
        const opened = await open();
        if (!opened.reopen) throw new Error(`${label}: this contract test needs reopen()`);
        const { updates } = captureTextEdits(20);
        await opened.store.put('sets', 's1', { kept: true }, 0);
        await appendAll(opened.store, 'set:s1', updates);
        await opened.store.close();
        const again = await opened.reopen();
        expect(await again.get('sets', 's1')).toEqual({ value: { kept: true }, version: 1 });
        expect((await again.loadDoc('set:s1')).updates).toStrictEqual(updates);
      });

      it('[AT-A1] 2,000 Yjs updates compact to fewer entries with the same text, keeping an update appended meanwhile', async () => {
        const { store } = await open();
        const { doc, updates } = captureTextEdits(2_000);
        await appendAll(store, 'slot:big', updates);
        const loaded = await store.loadDoc('slot:big');
        expect(loaded.updates).toHaveLength(2_000);

        const late: Uint8Array[] = [];
        doc.once('update', (update: Uint8Array) => late.push(update));
        doc.getText('body').insert(0, 'LATE ');
        await appendAll(store, 'slot:big', late); // between load and compact

        const merged = Y.mergeUpdates(loaded.updates);
        const compaction = { generation: loaded.generation, replaceCount: 2_000, merged };
        expect(await store.compactDoc('slot:big', compaction)).toBe(true);

        const after = await store.loadDoc('slot:big');
        expect(after.updates).toStrictEqual([merged, ...late]);
        expect(after.generation).not.toBe(loaded.generation);
        expect(textOf(after.updates)).toBe(doc.getText('body').toString());
        expect(textOf(after.updates).startsWith('LATE ')).toBe(true);
      });

      it('[AT-A1] a compaction with a stale generation returns false and changes nothing', async () => {
        const { store } = await open();
        const { updates } = captureTextEdits(30);
        await appendAll(store, 'd', updates);
        const first = await store.loadDoc('d');
        const merged = Y.mergeUpdates(first.updates.slice(0, 10));
        const stale = { generation: first.generation, replaceCount: 10, merged };
        expect(await store.compactDoc('d', stale)).toBe(true);
        const compacted = await store.loadDoc('d');
        expect(await store.compactDoc('d', stale)).toBe(false);
        expect(await store.loadDoc('d')).toStrictEqual(compacted);
        expect(textOf(compacted.updates)).toBe(textOf(updates));
      });

      it('[AT-A1] two instances compacting the same generation: exactly one wins, nothing is lost', async () => {
        const { store, peer } = await openWithPeer();
        const { updates } = captureTextEdits(40);
        await appendAll(store, 'd', updates);
        const loaded = await peer.loadDoc('d');
        const merged = Y.mergeUpdates(loaded.updates);
        const compaction = { generation: loaded.generation, replaceCount: 40, merged };
        const results = await Promise.all([
          store.compactDoc('d', compaction),
          peer.compactDoc('d', compaction),
        ]);
        expect(results.filter(Boolean)).toHaveLength(1);
        const after = await store.loadDoc('d');
        expect(after.updates).toHaveLength(1);
        expect(textOf(after.updates)).toBe(textOf(updates));
      });
    });

    describe('subscriptions and isolation', () => {
      it('[AT-A1] a peer receives appended updates in order; the appender does not hear itself', async () => {
        const { store, peer } = await openWithPeer();
        const heardByPeer: Uint8Array[] = [];
        const heardBySelf: Uint8Array[] = [];
        await peer.subscribeDoc('doc-a', (update) => heardByPeer.push(update));
        await store.subscribeDoc('doc-a', (update) => heardBySelf.push(update));
        await store.appendUpdate('doc-b', new Uint8Array([0xb])); // another doc
        await store.appendUpdate('doc-a', new Uint8Array([1, 2]));
        await store.appendUpdate('doc-a', new Uint8Array([3]));
        await vi.waitFor(() => expect(heardByPeer).toHaveLength(2), WAIT);
        expect(heardByPeer).toStrictEqual([new Uint8Array([1, 2]), new Uint8Array([3])]);

        await peer.appendUpdate('doc-a', new Uint8Array([4])); // sentinel for the appender
        await vi.waitFor(() => expect(heardBySelf.at(-1)).toStrictEqual(new Uint8Array([4])), WAIT);
        expect(heardBySelf).toStrictEqual([new Uint8Array([4])]);
      });

      it('[AT-A1] presence reaches a peer’s presence listeners, not the sender, and is never stored', async () => {
        const { store, peer } = await openWithPeer();
        const heardByPeer: Uint8Array[] = [];
        const heardBySelf: Uint8Array[] = [];
        const updatesHeard: Uint8Array[] = [];
        await peer.subscribePresence('doc-a', (message) => heardByPeer.push(message));
        await peer.subscribeDoc('doc-a', (update) => updatesHeard.push(update));
        await store.subscribePresence('doc-a', (message) => heardBySelf.push(message));
        await store.publishPresence('doc-b', new Uint8Array([0xb])); // another doc
        await store.publishPresence('doc-a', new Uint8Array([7, 8]));
        await vi.waitFor(() => expect(heardByPeer).toHaveLength(1), WAIT);
        expect(heardByPeer).toStrictEqual([new Uint8Array([7, 8])]);
        await peer.publishPresence('doc-a', new Uint8Array([9])); // sentinel for the sender
        await vi.waitFor(() => expect(heardBySelf).toHaveLength(1), WAIT);
        expect(heardBySelf).toStrictEqual([new Uint8Array([9])]);
        expect(updatesHeard).toEqual([]);
        expect((await store.loadDoc('doc-a')).updates).toEqual([]);
      });

      it('[AT-A1] unsubscribe stops delivery; other listeners keep receiving', async () => {
        const { store, peer } = await openWithPeer();
        const stopped: Uint8Array[] = [];
        const kept: Uint8Array[] = [];
        const stop = await peer.subscribeDoc('d', (update) => stopped.push(update));
        await peer.subscribeDoc('d', (update) => kept.push(update));
        await stop();
        await stop(); // idempotent
        await store.appendUpdate('d', new Uint8Array([1]));
        await vi.waitFor(() => expect(kept).toHaveLength(1), WAIT);
        expect(stopped).toEqual([]);
      });

      it('[AT-A1] after the last listener leaves, a new subscription hears only later updates', async () => {
        const { store, peer } = await openWithPeer();
        const first: Uint8Array[] = [];
        const second: Uint8Array[] = [];
        const stop = await peer.subscribeDoc('d', (update) => first.push(update));
        await stop();
        await store.appendUpdate('d', new Uint8Array([1]));
        await peer.subscribeDoc('d', (update) => second.push(update));
        await store.appendUpdate('d', new Uint8Array([2]));
        await vi.waitFor(() => expect(second.at(-1)).toStrictEqual(new Uint8Array([2])), WAIT);
        expect(second).toStrictEqual([new Uint8Array([2])]);
        expect(first).toEqual([]);
      });

      it('[AT-A1] stores with different key prefixes never see each other', async () => {
        const a = await open();
        const b = await open();
        if (!b.peer) throw new Error(`${label}: this contract test needs peer()`);
        const bPeer = await b.peer();
        const heardByB: Uint8Array[] = [];
        await b.store.subscribeDoc('shared', (update) => heardByB.push(update));

        await a.store.put('sets', 's1', 'from a', 0);
        await a.store.appendUpdate('shared', new Uint8Array([0xa]));
        expect(await b.store.get('sets', 's1')).toBeNull();
        expect(await b.store.list('sets')).toEqual([]);
        expect((await b.store.loadDoc('shared')).updates).toEqual([]);
        expect(await b.store.put('sets', 's1', 'from b', 0)).toEqual({ ok: true, version: 1 });
        expect(await a.store.get('sets', 's1')).toEqual({ value: 'from a', version: 1 });

        await bPeer.appendUpdate('shared', new Uint8Array([0xb])); // sentinel
        await vi.waitFor(() => expect(heardByB.at(-1)).toStrictEqual(new Uint8Array([0xb])), WAIT);
        expect(heardByB).toStrictEqual([new Uint8Array([0xb])]);
      });
    });

    describe('lifecycle', () => {
      it('[AT-A1] ping resolves while the store is open', async () => {
        const { store } = await open();
        await expect(store.ping()).resolves.toBeUndefined();
      });

      it('[AT-A1] every method rejects after close, and close is idempotent', async () => {
        const { store } = await open();
        const stop = await store.subscribeDoc('d', () => {});
        await store.close();
        await store.close();
        await expect(stop()).resolves.toBeUndefined();
        const merged = new Uint8Array([0]);
        const calls: Record<string, () => Promise<unknown>> = {
          get: () => store.get('c', 'x'),
          put: () => store.put('c', 'x', 1, 0),
          delete: () => store.delete('c', 'x', 1),
          list: () => store.list('c'),
          changeCounts: () => store.changeCounts(['c']),
          appendUpdate: () => store.appendUpdate('d', merged),
          loadDoc: () => store.loadDoc('d'),
          compactDoc: () => store.compactDoc('d', { generation: '0', replaceCount: 1, merged }),
          subscribeDoc: () => store.subscribeDoc('d', () => {}),
          publishPresence: () => store.publishPresence('d', merged),
          subscribePresence: () => store.subscribePresence('d', () => {}),
          ping: () => store.ping(),
        };
        for (const [name, call] of Object.entries(calls)) {
          await expect(call(), name).rejects.toThrow(/closed/);
        }
      });
    });
  });
}

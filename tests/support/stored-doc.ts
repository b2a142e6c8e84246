/**
 * A board as the store holds it, for tests that must know a write was stored. The provider's
 * `synced` flag is no such proof: y-websocket sets it after the first sync and never clears it,
 * so it is already true when a later write is still on its way.
 */
import * as Y from 'yjs';
import { expect, vi } from 'vitest';
import type { Store } from '@setboard/server';

/** Every stored update of `docName`, applied to a fresh doc. */
export async function storedDoc(store: Store, docName: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const update of (await store.loadDoc(docName)).updates) Y.applyUpdate(doc, update);
  return doc;
}

/** Waits until the stored `docName` passes `check`. */
export async function waitUntilStored(
  store: Store,
  docName: string,
  check: (doc: Y.Doc) => boolean,
  what: string,
): Promise<void> {
  await vi.waitFor(
    async () => expect(check(await storedDoc(store, docName)), `stored: ${what}`).toBe(true),
    { timeout: 10_000, interval: 20 },
  );
}

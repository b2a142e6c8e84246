/**
 * What a page's browser keeps in IndexedDB (its local copies of boards, docs/protocol.md Y18),
 * read back in the test: to wait until typed words are stored there, or to prove they are gone.
 */
import type { Page } from 'playwright-core';
import * as Y from 'yjs';

/** Every value in every IndexedDB database of the page's origin: bytes as arrays, others as JSON. */
function storedValuesIn(page: Page): Promise<{ bytes: number[][]; json: string[] }[]> {
  return page.evaluate(async () => {
    const read = (name: string) =>
      new Promise<{ bytes: number[][]; json: string[] }>((resolve, reject) => {
        const opening = indexedDB.open(name);
        opening.onerror = () => reject(opening.error ?? new Error(`could not open ${name}`));
        opening.onsuccess = () => {
          const db = opening.result;
          const found = { bytes: [] as number[][], json: [] as string[] };
          const stores = Array.from({ length: db.objectStoreNames.length }, (_, index) =>
            db.objectStoreNames.item(index)!,
          );
          if (stores.length === 0) {
            db.close();
            resolve(found);
            return;
          }
          const transaction = db.transaction(stores, 'readonly');
          for (const store of stores) {
            const all = transaction.objectStore(store).getAll();
            all.onsuccess = () => {
              for (const value of all.result as unknown[]) {
                if (value instanceof Uint8Array) found.bytes.push([...value]);
                else found.json.push(JSON.stringify(value));
              }
            };
          }
          transaction.oncomplete = () => {
            db.close();
            resolve(found);
          };
          transaction.onerror = () => reject(transaction.error ?? new Error('read failed'));
        };
      });
    const databases = [];
    for (const info of await indexedDB.databases()) {
      if (info.name) databases.push(await read(info.name));
    }
    return databases;
  });
}

/**
 * How many times `canary` appears in the page's IndexedDB. Text typed key by key is stored as
 * one update per key, so each database's updates are first merged into one doc, whose state
 * holds the words whole; the raw values are searched too.
 */
export async function canaryCountIn(page: Page, canary: string): Promise<number> {
  let count = 0;
  const occurrences = (text: string) => text.split(canary).length - 1;
  for (const { bytes, json } of await storedValuesIn(page)) {
    const doc = new Y.Doc();
    for (const value of bytes) {
      count += occurrences(Buffer.from(value).toString('utf8'));
      try {
        Y.applyUpdate(doc, Uint8Array.from(value));
      } catch {
        // Not a Yjs update (y-indexeddb's own metadata): searched as bytes above.
      }
    }
    count += occurrences(Buffer.from(Y.encodeStateAsUpdate(doc)).toString('utf8'));
    count += json.reduce((sum, text) => sum + occurrences(text), 0);
    doc.destroy();
  }
  return count;
}

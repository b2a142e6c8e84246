/** Reading a board as stored, without holding it open: for pages that list what boards hold. */
import * as Y from 'yjs';
import type { z } from 'zod';
import type { Store } from '../store/store.js';

/** The doc as the store has it now (every accepted update is stored before anyone sees it). */
export async function loadStoredDoc(store: Store, name: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const { updates } = await store.loadDoc(name);
  Y.transact(doc, () => updates.forEach((update) => Y.applyUpdate(doc, update)));
  return doc;
}

/** The records of a map root that match `schema`, oldest first (malformed ones left out). */
export function recordsOf<T extends { createdAt: number }>(
  doc: Y.Doc,
  root: string,
  schema: z.ZodType<T>,
): Array<{ id: string; record: T }> {
  const entries: Array<{ id: string; record: T }> = [];
  for (const [id, value] of doc.getMap<unknown>(root).entries()) {
    if (!(value instanceof Y.Map)) continue;
    const parsed = schema.safeParse(value.toJSON());
    if (parsed.success) entries.push({ id, record: parsed.data });
  }
  return entries.sort(
    (a, b) => a.record.createdAt - b.record.createdAt || a.id.localeCompare(b.id),
  );
}

/** Reads a stored doc, hands it to `read`, and frees it. */
export async function readStoredDoc<T>(
  store: Store,
  name: string,
  read: (doc: Y.Doc) => T,
): Promise<T> {
  const doc = await loadStoredDoc(store, name);
  try {
    return read(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * Records in a board's map sections (objectives, actions): each record is a Y.Map of plain
 * fields, every field set whole. Creating one sets a complete Y.Map under a fresh id in a single
 * transaction, so others never see half a record; changing one sets only the fields that differ.
 */
import * as Y from 'yjs';
import type { z } from 'zod';

export interface RecordEntry<T> {
  id: string;
  record: T;
}

/** The records of `root` that match `schema`, oldest first (anything malformed is left out). */
export function readRecords<T extends { createdAt: number }>(
  root: Y.Map<unknown>,
  schema: z.ZodType<T>,
): RecordEntry<T>[] {
  const entries: RecordEntry<T>[] = [];
  for (const [id, value] of root.entries()) {
    if (!(value instanceof Y.Map)) continue;
    const parsed = schema.safeParse(value.toJSON());
    if (parsed.success) entries.push({ id, record: parsed.data });
  }
  return entries.sort(
    (a, b) => a.record.createdAt - b.record.createdAt || a.id.localeCompare(b.id),
  );
}

/** Adds a complete record under `id` in the root map `rootName`. */
export function createRecord(doc: Y.Doc, rootName: string, id: string, fields: object): void {
  doc.transact(() => {
    const record = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(fields)) record.set(key, value);
    doc.getMap(rootName).set(id, record);
  });
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Sets the fields of `fields` that differ from the stored record, in one transaction. Returns
 * false when the record no longer exists (someone deleted it meanwhile).
 */
export function updateRecord(doc: Y.Doc, rootName: string, id: string, fields: object): boolean {
  const record = doc.getMap(rootName).get(id);
  if (!(record instanceof Y.Map)) return false;
  doc.transact(() => {
    for (const [key, value] of Object.entries(fields)) {
      if (!sameValue(record.get(key), value)) record.set(key, value);
    }
  });
  return true;
}

export function deleteRecord(doc: Y.Doc, rootName: string, id: string): void {
  doc.getMap(rootName).delete(id);
}

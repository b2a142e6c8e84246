import { useCallback } from 'react';
import type * as Y from 'yjs';
import type { z } from 'zod';
import { type RecordEntry, readRecords } from './record-store';
import { useObserved } from './use-observed';

/** The records of one map section, kept up to date as anyone changes them. */
export function useRecords<T extends { createdAt: number }>(
  doc: Y.Doc,
  rootName: string,
  schema: z.ZodType<T>,
): RecordEntry<T>[] {
  const read = useCallback((root: Y.Map<unknown>) => readRecords(root, schema), [schema]);
  return useObserved(doc.getMap<unknown>(rootName), read);
}

/**
 * Each board's copy in this browser (y-indexeddb, the Yjs ecosystem's own provider), so what a
 * person types offline survives closing the tab or a crash and is sent when the page next
 * opens online (docs/protocol.md Y18). Copies are per person and per doc, and signing out
 * removes every one: a shared computer keeps nothing of a set's confidential words.
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';
import {
  askRebuildNumber,
  deleteDatabase,
  isStale,
  localCopyName,
  remember,
} from './local-copy-store';

export interface LocalCopy {
  /** Resolves once the stored copy is in the doc (or at once when there is no storage). */
  readonly ready: Promise<void>;
  /** Deletes this copy (access was removed, or the server rebuilt the doc). */
  clear(): Promise<void>;
  destroy(): void;
}

/**
 * Opens `personId`'s copy of `docName` into `doc`. A copy made before the server last rebuilt
 * the board (an erasure, a repair) is dropped first: its items would bring erased words back.
 */
export function openLocalCopy(personId: string, docName: string, doc: Y.Doc): LocalCopy {
  const name = localCopyName(personId, docName);
  let persistence: IndexeddbPersistence | null = null;
  let destroyed = false;
  const ready = (async () => {
    if (isStale(name, await askRebuildNumber(docName))) await deleteDatabase(name);
    if (destroyed) return;
    try {
      persistence = new IndexeddbPersistence(name, doc);
      remember(name);
      await persistence.whenSynced;
    } catch {
      // No IndexedDB here (or it failed): the board works online only.
    }
  })();
  return {
    ready,
    clear: async () => {
      await persistence?.clearData();
    },
    destroy: () => {
      destroyed = true;
      void persistence?.destroy();
    },
  };
}

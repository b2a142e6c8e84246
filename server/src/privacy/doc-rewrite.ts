/**
 * Rewriting a stored board from scratch (erasure, retention, repair), and telling everyone who
 * holds a copy. The order matters:
 *
 * 1. close every live connection to the doc on every instance (close code 4410, "rebuilt"): the
 *    instances release their in-memory copies and stop appending the old items;
 * 2. load the stored log and build the new state;
 * 3. retire every client id of the old doc (`RETIRED`), so that a page still holding the old
 *    items (a tab offline through the rebuild) cannot write them back: the gate closes it with
 *    4410;
 * 4. `replaceDoc` the new state against the position loaded — if anything was appended meanwhile
 *    the replace fails and the loop starts again from 1;
 * 5. record the doc's new *rebuild number* (`doc-rebuilds` records), which browsers compare with
 *    the one they saw last before they trust a local copy (docs/protocol.md, [Y14]).
 */
import * as Y from 'yjs';
import type { Store } from '../store/store.js';
import { updateRecord } from '../access/records.js';
import { retireClientIds } from '../boards/client-ids.js';

/** Holders of live copies of a doc: the port erasure uses to close them (wired in app.ts). */
export interface LiveDocs {
  /** Closes every connection to `docName` on every instance with the "rebuilt" close code. */
  closeEverywhere(docName: string): Promise<void>;
}

/** Records `{ rebuild }` keyed by doc name: how many times each doc was rebuilt. */
export const DOC_REBUILDS_COLLECTION = 'doc-rebuilds';

export interface DocRebuildRecord {
  rebuild: number;
  at: number;
}

/** How many times a rewrite starts again after an append raced it before giving up. */
const MAX_REWRITE_ATTEMPTS = 10;

/**
 * Replaces `docName`'s stored log by `build(storedDoc)` — or deletes it when `build` returns
 * null — after closing its live copies. Returns whether anything was stored before.
 */
export async function rewriteStoredDoc(
  deps: { store: Store; live: LiveDocs; now: () => number },
  docName: string,
  build: (stored: Y.Doc) => Uint8Array | null,
): Promise<boolean> {
  for (let attempt = 0; attempt < MAX_REWRITE_ATTEMPTS; attempt++) {
    await deps.live.closeEverywhere(docName);
    const loaded = await deps.store.loadDoc(docName);
    if (loaded.updates.length === 0) return false;
    const doc = new Y.Doc();
    let state: Uint8Array | null;
    let oldClientIds: number[];
    try {
      Y.transact(doc, () => loaded.updates.forEach((update) => Y.applyUpdate(doc, update)));
      oldClientIds = [...doc.store.clients.keys()];
      state = build(doc);
    } finally {
      doc.destroy();
    }
    // Before the new state is in place: from then on, a page still holding the old items (a tab
    // that was offline through the rebuild) is closed with 4410 instead of writing them back.
    await retireClientIds(deps.store, docName, oldClientIds);
    if (state === null) {
      await deps.store.deleteDoc(docName);
    } else {
      const basedOn = { generation: loaded.generation, updateCount: loaded.updates.length };
      const replaced = await deps.store.replaceDoc(docName, state, basedOn);
      if (!replaced.ok) continue;
    }
    await bumpRebuild(deps.store, docName, deps.now());
    return true;
  }
  throw new Error(`${docName} kept changing while it was being rewritten; try again`);
}

async function bumpRebuild(store: Store, docName: string, at: number): Promise<void> {
  const created = await store.put<DocRebuildRecord>(
    DOC_REBUILDS_COLLECTION,
    docName,
    { rebuild: 1, at },
    0,
  );
  if (created.ok) return;
  await updateRecord<DocRebuildRecord>(store, DOC_REBUILDS_COLLECTION, docName, (current) => ({
    rebuild: current.rebuild + 1,
    at,
  }));
}

/** The doc's rebuild number: 0 until it is first rebuilt. */
export async function rebuildNumberOf(store: Store, docName: string): Promise<number> {
  return (await store.get<DocRebuildRecord>(DOC_REBUILDS_COLLECTION, docName))?.value.rebuild ?? 0;
}

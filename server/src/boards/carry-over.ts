/**
 * A slot deferred to the next meeting takes its board with it: when the next meeting is opened,
 * the presenter's issue and the outcome they wanted are copied into the new slot's board (as the
 * server's own write), so they carry on where they left off. The earlier board stays as it was.
 */
import * as Y from 'yjs';
import type { Slot } from '@setboard/shared';
import type { Store } from '../store/store.js';
import type { ServerDocWriter } from './server-doc-writer.js';

/** The sections a deferred slot carries: what the presenter brought, not what was said. */
export const CARRIED_SECTIONS = ['issueStatement', 'desiredOutcome'] as const;

async function storedDoc(store: Store, name: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const { updates } = await store.loadDoc(name);
  Y.transact(doc, () => updates.forEach((update) => Y.applyUpdate(doc, update)));
  return doc;
}

/** Copies each carried slot's sections from its earlier board, where the new one is empty. */
export async function carrySlotBoards(
  docs: Pick<ServerDocWriter, 'writeAsServer'>,
  store: Store,
  slots: readonly Slot[],
): Promise<void> {
  for (const slot of slots) {
    if (!slot.carriedFrom) continue;
    const earlier = await storedDoc(store, `slot:${slot.carriedFrom}`);
    try {
      const nodes = CARRIED_SECTIONS.map((root) => earlier.getXmlFragment(root).toArray());
      if (nodes.every((list) => list.length === 0)) continue;
      await docs.writeAsServer(`slot:${slot.id}`, (doc) => {
        CARRIED_SECTIONS.forEach((root, index) => {
          const target = doc.getXmlFragment(root);
          // Opened twice, or already written: never copy over what is there.
          if (target.length > 0) return;
          // Editors write elements and text only; anything else (never ours) stays behind.
          const copies = nodes[index]!.flatMap((node) =>
            node instanceof Y.XmlElement || node instanceof Y.XmlText
              ? [node.clone() as Y.XmlElement | Y.XmlText]
              : [],
          );
          target.insert(0, copies);
        });
      });
    } finally {
      earlier.destroy();
    }
  }
}

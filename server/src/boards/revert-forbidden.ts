/**
 * Turns an update that writes where its sender may not into the net change everyone else may
 * see: the update is integrated (a Yjs client's later updates build on it, so it can never just
 * be dropped) and its changes under the forbidden root types are undone at once.
 *
 * The work happens on a scratch copy of the doc, then the result is copied once more into a
 * fresh doc: items that were inserted and undone are garbage-collected there, so the net update
 * carries their length but not their text. The live doc, the store and every peer only ever see
 * that net update; the sender receives it too and their forbidden change disappears.
 */
import * as Y from 'yjs';
import type { BoardRootType } from '@setboard/shared';

const GATE_ORIGIN = Symbol('write-gate');

const ROOT_TYPES = {
  xml: Y.XmlFragment,
  map: Y.Map,
  array: Y.Array,
  text: Y.Text,
} as const;

/**
 * The net update (relative to `doc`) of applying `update` and undoing everything it did under
 * `forbiddenRoots`. New items the undo needs (restoring deleted text) are written as `clientId`,
 * the server's own client id for this doc (never the doc's own `clientID`).
 */
export function netOfRevertedUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  forbiddenRoots: Iterable<[name: string, type: BoardRootType]>,
  clientId: number,
): Uint8Array {
  const scratch = new Y.Doc();
  const clean = new Y.Doc();
  try {
    scratch.clientID = clientId;
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
    // Creating the roots first (with their real types, whose observers the undo manager relies
    // on) lets it watch roots the update itself creates.
    const scope = [...forbiddenRoots].map(([name, type]) => scratch.get(name, ROOT_TYPES[type]));
    // No roots to undo: the copies alone collect what lands under collected content.
    const undo =
      scope.length === 0
        ? null
        : new Y.UndoManager(scope, { trackedOrigins: new Set([GATE_ORIGIN]), captureTimeout: 0 });
    Y.applyUpdate(scratch, update, GATE_ORIGIN);
    undo?.undo();
    undo?.destroy();
    Y.applyUpdate(clean, Y.encodeStateAsUpdate(scratch));
    return Y.encodeStateAsUpdate(clean, Y.encodeStateVector(doc));
  } finally {
    scratch.destroy();
    clean.destroy();
  }
}

/**
 * The net update of a change the server makes itself (a question put through `question:ask`):
 * `change` runs on a scratch copy written as `clientId`, so nothing reaches the live doc (or any
 * peer) before the store has it.
 */
export function serverChangeUpdate(
  doc: Y.Doc,
  clientId: number,
  change: (scratch: Y.Doc) => void,
): Uint8Array {
  const scratch = new Y.Doc();
  try {
    scratch.clientID = clientId;
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(scratch);
    scratch.transact(() => change(scratch));
    return Y.encodeStateAsUpdate(scratch, before);
  } finally {
    scratch.destroy();
  }
}

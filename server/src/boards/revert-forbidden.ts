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
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { BoardRootType } from '@setboard/shared';
import type { DecodedUpdate } from './update-sections.js';

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
 * The same net update, worked out from the update alone when its refused part only adds (the
 * usual case: typing where one may not): each refused item keeps its place and length but loses
 * its content, and is deleted — what `netOfRevertedUpdate` reaches through two copies of the
 * doc, in a fraction of a millisecond on any size of board (docs/architecture.md, "Boards and
 * the write gate"). Null when the refused part would change what the doc already holds — it
 * deletes there, sets a key that has a value (Yjs deletes the old one on arrival), or formats
 * text (Yjs may tidy away existing formatting) — so undoing needs the copy.
 *
 * `refused(item)` says which of the update's items are refused; their descendants in the update
 * are refused with them.
 */
export function netOfRefusedInsertions(
  doc: Y.Doc,
  decoded: DecodedUpdate,
  refused: (item: Y.Item) => boolean,
): Uint8Array | null {
  const emptied: Array<{ item: Y.Item; content: Y.Item['content'] }> = [];
  const deletions = new Map<number, Array<{ clock: number; len: number }>>();
  for (const [client, ranges] of decoded.ds.clients) deletions.set(client, [...ranges]);
  try {
    for (const struct of decoded.structs) {
      if (!(struct instanceof Y.Item) || !refused(struct)) continue;
      if (!onlyAdds(doc, struct)) return null;
      emptied.push({ item: struct, content: struct.content });
      struct.content = new Y.ContentDeleted(struct.length);
      const ranges = deletions.get(struct.id.client) ?? [];
      ranges.push({ clock: struct.id.clock, len: struct.length });
      deletions.set(struct.id.client, ranges);
    }
    return encodeV1Update(decoded.structs, deletions);
  } finally {
    // The decoded update is the caller's: give it back as it came.
    for (const { item, content } of emptied) item.content = content;
  }
}

/** Whether integrating `item` leaves everything the doc holds as it is. */
function onlyAdds(doc: Y.Doc, item: Y.Item): boolean {
  const content = item.content;
  if (content instanceof Y.ContentFormat || content instanceof Y.ContentDoc) return false;
  if (item.parentSub === null) return true;
  // A map entry: arriving, it deletes the value its key had (its origin, or the current one).
  if (item.origin !== null) return !holds(doc, item.origin);
  const parent: unknown = item.parent;
  let map: Map<string, Y.Item> | undefined;
  if (typeof parent === 'string') map = doc.share.get(parent)?._map;
  else if (parent instanceof Y.ID && holds(doc, parent)) {
    const holder = Y.getItem(doc.store, parent);
    if (holder instanceof Y.Item && holder.content instanceof Y.ContentType) {
      map = holder.content.type._map;
    }
  }
  const current = map?.get(item.parentSub);
  return current === undefined || current.deleted;
}

/** Whether the doc holds the struct `id` names. */
function holds(doc: Y.Doc, id: Y.ID): boolean {
  return id.clock < Y.getState(doc.store, id.client);
}

/** Writes structs (in their decoded order, one run per client) and a delete set as a V1 update. */
function encodeV1Update(
  structs: DecodedUpdate['structs'],
  deletions: Map<number, Array<{ clock: number; len: number }>>,
): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  const runs: Array<DecodedUpdate['structs']> = [];
  for (const struct of structs) {
    const run = runs.at(-1);
    if (run && run[0]!.id.client === struct.id.client) run.push(struct);
    else runs.push([struct]);
  }
  encoding.writeVarUint(encoder.restEncoder, runs.length);
  for (const run of runs) {
    encoding.writeVarUint(encoder.restEncoder, run.length);
    encoder.writeClient(run[0]!.id.client);
    encoding.writeVarUint(encoder.restEncoder, run[0]!.id.clock);
    for (const struct of run) struct.write(encoder, 0);
  }
  encoding.writeVarUint(encoder.restEncoder, deletions.size);
  for (const [client, ranges] of deletions) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(encoder.restEncoder, client);
    const merged = mergeRanges(ranges);
    encoding.writeVarUint(encoder.restEncoder, merged.length);
    for (const { clock, len } of merged) {
      encoder.writeDsClock(clock);
      encoder.writeDsLen(len);
    }
  }
  return encoder.toUint8Array();
}

/** Ranges sorted by clock, overlapping and touching ones joined. */
function mergeRanges(ranges: Array<{ clock: number; len: number }>) {
  const sorted = [...ranges].sort((a, b) => a.clock - b.clock);
  const merged: Array<{ clock: number; len: number }> = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.clock <= last.clock + last.len) {
      last.len = Math.max(last.len, range.clock + range.len - last.clock);
    } else merged.push({ ...range });
  }
  return merged;
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

/**
 * Takes out of an update the deletions a doc already holds (docs/protocol.md Y22).
 *
 * A page re-syncing sends its whole delete set, however old: on a board with a long, busy
 * history that is most of the message and all of it already known. Judged, stored and sent on
 * as it came, it would cost the gate, the store and every other page for nothing, and it could
 * not pass the message cap at all. Only the ranges that delete something still visible in the
 * doc, or items the update itself brings, are kept.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

type Range = [clock: number, length: number];

/**
 * `update` (one V1 update whose delete set starts at `deleteSetAt`) without the deletions `doc`
 * already holds; the same array when there are none to take out.
 */
export function withoutKnownDeletions(
  doc: Y.Doc,
  update: Uint8Array,
  deleteSetAt: number,
): Uint8Array {
  const decoder = decoding.createDecoder(update.subarray(deleteSetAt));
  const clientCount = decoding.readVarUint(decoder);
  if (clientCount === 0) return update;
  const kept: Array<[client: number, ranges: Range[]]> = [];
  let trimmed = false;
  for (let i = 0; i < clientCount; i++) {
    const client = decoding.readVarUint(decoder);
    const rangeCount = decoding.readVarUint(decoder);
    const ranges: Range[] = [];
    for (let j = 0; j < rangeCount; j++) {
      const clock = decoding.readVarUint(decoder);
      const length = decoding.readVarUint(decoder);
      const fresh = notYetDeleted(doc, client, clock, length);
      if (fresh.length !== 1 || fresh[0]![1] !== length) trimmed = true;
      ranges.push(...fresh);
    }
    if (ranges.length > 0) kept.push([client, ranges]);
  }
  if (!trimmed) return update;
  const encoder = encoding.createEncoder();
  encoding.writeUint8Array(encoder, update.subarray(0, deleteSetAt));
  encoding.writeVarUint(encoder, kept.length);
  for (const [client, ranges] of kept) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, ranges.length);
    for (const [clock, length] of ranges) {
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarUint(encoder, length);
    }
  }
  return encoding.toUint8Array(encoder);
}

/**
 * The parts of `client`'s range [clock, clock + length) that `doc` does not hold as deleted:
 * items still visible, and clocks beyond what the doc has (items this update brings).
 */
function notYetDeleted(doc: Y.Doc, client: number, clock: number, length: number): Range[] {
  const structs = doc.store.clients.get(client);
  const end = clock + length;
  if (!structs || structs.length === 0) return [[clock, length]];
  const last = structs[structs.length - 1]!;
  const known = last.id.clock + last.length;
  const fresh: Range[] = [];
  const keep = (from: number, to: number) => {
    const previous = fresh[fresh.length - 1];
    if (previous && previous[0] + previous[1] === from) previous[1] += to - from;
    else fresh.push([from, to - from]);
  };
  let at = clock;
  if (at < known) {
    let index = Y.findIndexSS(structs, at);
    const stop = Math.min(end, known);
    while (at < stop) {
      const struct = structs[index]!;
      const upTo = Math.min(stop, struct.id.clock + struct.length);
      if (!struct.deleted) keep(at, upTo);
      at = upTo;
      index += 1;
    }
  }
  if (at < end) keep(at, end);
  return fresh;
}

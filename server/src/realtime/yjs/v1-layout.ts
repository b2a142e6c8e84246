/**
 * Reads a V1 update's layout to its last byte, without building anything. Yjs itself stops
 * reading once it has the structs and the delete set, so bytes after them would pass unseen and
 * be stored with the update (docs/protocol.md Y3: trailing bytes close with 4400).
 *
 * The layout follows Yjs 13 (`readClientsStructRefs`, `readItemContent`, `readDeleteSet`).
 */
import * as decoding from 'lib0/decoding';

const BITS5 = 0b1_1111;
const HAS_ORIGIN = 0b1000_0000;
const HAS_RIGHT_ORIGIN = 0b0100_0000;
const HAS_PARENT_SUB = 0b0010_0000;
/** Type refs of `ContentType` that carry a name (an XML element's or hook's). */
const NAMED_TYPE_REFS = new Set([3, 5]);

export interface V1Layout {
  /** The clock each client's structs start at. */
  starts: Map<number, number>;
  /** The clock each client's structs reach. */
  ends: Map<number, number>;
  /** Where the delete set begins (after the structs). */
  deleteSetAt: number;
  /** How many ranges the delete set holds. */
  deletedRanges: number;
}

/**
 * When `update` is one V1 update and nothing more: its layout. Null otherwise;
 * `too_many_clients` as soon as it names more than `maxClients` (reading no further). Never
 * throws.
 */
export function readV1Layout(
  update: Uint8Array,
  maxClients: number,
): V1Layout | 'too_many_clients' | null {
  try {
    const decoder = decoding.createDecoder(update);
    const groups = decoding.readVarUint(decoder);
    const starts = new Map<number, number>();
    const ends = new Map<number, number>();
    for (let group = 0; group < groups; group++) {
      const structs = decoding.readVarUint(decoder);
      const client = decoding.readVarUint(decoder);
      let clock = decoding.readVarUint(decoder);
      starts.set(client, Math.min(starts.get(client) ?? clock, clock));
      for (let i = 0; i < structs; i++) clock += skipStruct(decoder);
      ends.set(client, Math.max(ends.get(client) ?? 0, clock));
      if (ends.size > maxClients) return 'too_many_clients';
    }
    const deleteSetAt = decoder.pos;
    let deletedRanges = 0;
    const clients = decoding.readVarUint(decoder);
    for (let i = 0; i < clients; i++) {
      decoding.readVarUint(decoder); // client
      const ranges = decoding.readVarUint(decoder);
      deletedRanges += ranges;
      for (let j = 0; j < ranges; j++) {
        decoding.readVarUint(decoder); // clock
        decoding.readVarUint(decoder); // length
      }
    }
    return decoding.hasContent(decoder) ? null : { starts, ends, deleteSetAt, deletedRanges };
  } catch {
    return null;
  }
}

/**
 * How many deleted ranges a V1 update's delete set holds, read without building its structs
 * (0 when it is not one readable V1 update).
 */
export function deletedRangeCount(update: Uint8Array): number {
  const layout = readV1Layout(update, Number.POSITIVE_INFINITY);
  return layout === null || layout === 'too_many_clients' ? 0 : layout.deletedRanges;
}

/** Reads past one struct; returns its length (in clock ticks). */
function skipStruct(decoder: decoding.Decoder): number {
  const info = decoding.readUint8(decoder);
  const ref = info & BITS5;
  // A collected range, or a skip: its length.
  if (ref === 0 || ref === 10) return decoding.readVarUint(decoder);
  if (info & HAS_ORIGIN) skipId(decoder);
  if (info & HAS_RIGHT_ORIGIN) skipId(decoder);
  const namesItsParent = (info & (HAS_ORIGIN | HAS_RIGHT_ORIGIN)) === 0;
  if (namesItsParent) {
    if (decoding.readVarUint(decoder) === 1) decoding.readVarString(decoder);
    else skipId(decoder);
    if (info & HAS_PARENT_SUB) decoding.readVarString(decoder);
  }
  return skipContent(decoder, ref);
}

function skipId(decoder: decoding.Decoder): void {
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
}

function skipContent(decoder: decoding.Decoder, ref: number): number {
  switch (ref) {
    case 1: // deleted
      return decoding.readVarUint(decoder);
    case 2: {
      // JSON
      const count = decoding.readVarUint(decoder);
      for (let i = 0; i < count; i++) decoding.readVarString(decoder);
      return count;
    }
    case 3: // binary
      decoding.readVarUint8Array(decoder);
      return 1;
    case 4: // string: its length in UTF-16 code units, as Yjs counts it
      return decoding.readVarString(decoder).length;
    case 5: // embed
      decoding.readVarString(decoder);
      return 1;
    case 6: // format: key, value
      decoding.readVarString(decoder);
      decoding.readVarString(decoder);
      return 1;
    case 7: // type
      if (NAMED_TYPE_REFS.has(decoding.readVarUint(decoder))) decoding.readVarString(decoder);
      return 1;
    case 8: {
      // any
      const count = decoding.readVarUint(decoder);
      for (let i = 0; i < count; i++) decoding.readAny(decoder);
      return count;
    }
    case 9: // subdocument: guid, options
      decoding.readVarString(decoder);
      decoding.readAny(decoder);
      return 1;
    default:
      throw new Error(`unknown content ${ref}`);
  }
}

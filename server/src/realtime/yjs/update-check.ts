/**
 * Decides whether an incoming Yjs update can be integrated into a document right now.
 *
 * Yjs keeps an update whose dependencies are missing as "pending" and integrates it later. We
 * refuse such updates instead: a pending update cannot be checked (its place is unknown), and
 * persisting it would make the stored log depend on something we never received. The sender is
 * disconnected with a transient code and re-syncs, which sends the missing pieces in order.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';

export type UpdateProblem = 'malformed' | 'would_pend';

export type UpdateVerdict =
  | { ok: true; decoded: ReturnType<typeof Y.decodeUpdate> }
  | { ok: false; problem: UpdateProblem; detail: string };

/** Checks a V1 update against what `doc` already holds. Never throws. */
export function checkIncomingUpdate(doc: Y.Doc, update: Uint8Array): UpdateVerdict {
  if (update.length < 2) return refuse('malformed', 'an update has at least two bytes');
  if (update[0] === 0 && !isExactDeleteOnlyUpdate(update)) {
    // V1 updates with no structs start with 0 and hold only a delete set; V2 updates also start
    // with 0 but carry more after it. Either way, bytes we cannot account for are refused.
    return refuse('malformed', 'not a V1 update (V2 or trailing bytes)');
  }
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (error) {
    return refuse('malformed', `cannot decode: ${(error as Error).message}`);
  }
  const known = knownClocksAfter(doc, decoded.structs);
  if (!known.ok) return known;
  const problem = dependencyProblem(decoded, known.clocks);
  return problem ?? { ok: true, decoded };
}

type Refusal = { ok: false; problem: UpdateProblem; detail: string };

function refuse(problem: UpdateProblem, detail: string): Refusal {
  return { ok: false, problem, detail };
}

/**
 * The clock each client reaches once this update's structs are integrated. A struct that starts
 * beyond what is known leaves a gap, so the update would stay pending.
 */
function knownClocksAfter(
  doc: Y.Doc,
  structs: Array<Y.Item | Y.GC | Y.Skip>,
):
  | { ok: true; clocks: Map<number, number> }
  | { ok: false; problem: UpdateProblem; detail: string } {
  const clocks = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    const { client, clock } = struct.id;
    const knownClock = clocks.get(client) ?? 0;
    if (clock > knownClock) {
      return {
        ok: false,
        problem: 'would_pend',
        detail: `gap for client ${client}: starts at ${clock}, known up to ${knownClock}`,
      };
    }
    clocks.set(client, Math.max(knownClock, clock + struct.length));
  }
  return { ok: true, clocks };
}

/** Every item's neighbours and parent, and every deleted range, must be known. */
function dependencyProblem(
  decoded: ReturnType<typeof Y.decodeUpdate>,
  clocks: Map<number, number>,
): Refusal | null {
  const isKnown = (id: Y.ID) => id.clock < (clocks.get(id.client) ?? 0);
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const parent: unknown = struct.parent;
    const references = [struct.origin, struct.rightOrigin, parent instanceof Y.ID ? parent : null];
    for (const reference of references) {
      if (reference && !isKnown(reference)) {
        return refuse('would_pend', `unknown reference ${reference.client}:${reference.clock}`);
      }
    }
  }
  for (const [client, deletions] of decoded.ds.clients) {
    const end = clocks.get(client) ?? 0;
    if (deletions.some((deletion) => deletion.clock + deletion.len > end)) {
      return refuse('would_pend', `deletes unknown items of client ${client}`);
    }
  }
  return null;
}

/** A V1 update with no structs: `0`, then a delete set, and nothing after it. */
function isExactDeleteOnlyUpdate(update: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(update);
    decoding.readVarUint(decoder); // zero struct groups
    const clientCount = decoding.readVarUint(decoder);
    for (let i = 0; i < clientCount; i++) {
      decoding.readVarUint(decoder); // client
      const rangeCount = decoding.readVarUint(decoder);
      for (let j = 0; j < rangeCount; j++) {
        decoding.readVarUint(decoder); // clock
        decoding.readVarUint(decoder); // length
      }
    }
    return !decoding.hasContent(decoder);
  } catch {
    return false;
  }
}

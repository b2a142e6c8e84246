/**
 * Decides whether an incoming Yjs update can be integrated into a document right now.
 *
 * Yjs keeps an update whose dependencies are missing as "pending" and integrates it later. We
 * refuse such updates instead: a pending update cannot be checked (its place is unknown), and
 * persisting it would make the stored log depend on something we never received. The sender is
 * disconnected with a transient code and re-syncs, which sends the missing pieces in order.
 */
import * as Y from 'yjs';
import { withoutKnownDeletions } from './known-deletions.js';
import { readV1Layout, type V1Layout } from './v1-layout.js';

export type UpdateProblem = 'malformed' | 'would_pend' | 'too_many_clients';

/**
 * Client ids one update may carry structs under (an honest page's carries its own, and after a
 * lag a few others'). More close the connection before any costly work: diffing an update under
 * 50,000 client ids takes seconds.
 */
export const MAX_CLIENTS_PER_UPDATE = 64;

export type UpdateVerdict =
  | {
      ok: true;
      /**
       * The update without what the doc already holds: structs it has, and deletions it has
       * (a re-sync repeats what was sent, and every deletion ever made, Y22).
       */
      update: Uint8Array;
      decoded: ReturnType<typeof Y.decodeUpdate>;
    }
  | { ok: false; problem: UpdateProblem; detail: string };

/**
 * Checks a V1 update against what `doc` already holds, and trims what the doc has already (a
 * client re-syncing after a disconnect sends its whole difference, some of which may have
 * arrived meanwhile: judging it twice would hand text back twice; and its whole delete set).
 * Never throws.
 */
export function checkIncomingUpdate(doc: Y.Doc, received: Uint8Array): UpdateVerdict {
  const format = checkFormat(received);
  if ('problem' in format) return format;
  let update: Uint8Array;
  try {
    let layout: V1Layout | 'too_many_clients' | null = format;
    let unseen = received;
    // A keystroke holds only structs the doc has not seen: then there is nothing to diff away.
    if (holdsAnythingKnown(doc, format)) {
      unseen = Y.diffUpdate(received, Y.encodeStateVector(doc));
      layout = readV1Layout(unseen, Number.POSITIVE_INFINITY);
      if (layout === null || layout === 'too_many_clients') {
        return refuse('malformed', 'the update did not survive trimming');
      }
    }
    update = withoutKnownDeletions(doc, unseen, layout.deleteSetAt);
  } catch (error) {
    return refuse('malformed', `cannot decode: ${(error as Error).message}`);
  }
  return checkDependencies(doc, update);
}

/** Whether any of the update's structs starts below what the doc holds of its client. */
function holdsAnythingKnown(doc: Y.Doc, layout: V1Layout): boolean {
  for (const [client, start] of layout.starts) {
    if (start < Y.getState(doc.store, client)) return true;
  }
  return false;
}

function checkFormat(update: Uint8Array): Refusal | V1Layout {
  if (update.length < 2) return refuse('malformed', 'an update has at least two bytes');
  // V2 updates read as V1 leave bytes over (or fail); so do V1 updates with bytes appended,
  // which Yjs itself would ignore and we would store (Y3).
  const layout = readV1Layout(update, MAX_CLIENTS_PER_UPDATE);
  if (layout === 'too_many_clients') {
    return refuse('too_many_clients', `structs under more than ${MAX_CLIENTS_PER_UPDATE} clients`);
  }
  if (!layout) return refuse('malformed', 'not one V1 update (V2 or trailing bytes)');
  return layout;
}

function checkDependencies(doc: Y.Doc, update: Uint8Array): UpdateVerdict {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (error) {
    return refuse('malformed', `cannot decode: ${(error as Error).message}`);
  }
  const known = knownClocksAfter(doc, decoded.structs);
  if (!known.ok) return known;
  const problem = dependencyProblem(decoded, (client) =>
    known.clocks.has(client) ? known.clocks.get(client)! : Y.getState(doc.store, client),
  );
  return problem ?? { ok: true, update, decoded };
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
  // Read per client as needed: a board may hold hundreds of clients, an update names one or two.
  const clocks = new Map<number, number>();
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    const { client, clock } = struct.id;
    const knownClock = clocks.get(client) ?? Y.getState(doc.store, client);
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
  /** The clock a client reaches once the update is integrated. */
  knownUpTo: (client: number) => number,
): Refusal | null {
  const isKnown = (id: Y.ID) => id.clock < knownUpTo(id.client);
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
    const end = knownUpTo(client);
    if (deletions.some((deletion) => deletion.clock + deletion.len > end)) {
      return refuse('would_pend', `deletes unknown items of client ${client}`);
    }
  }
  return null;
}

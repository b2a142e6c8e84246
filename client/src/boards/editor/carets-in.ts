/**
 * Whose carets are inside one field, for the "Also writing here" line above it: the names sit
 * there, clear of the text, and the caret in the text is a plain bar in the same colour.
 */
import * as Y from 'yjs';
import { type CaretIdentity, caretIdentityOf } from './caret-identity';

export interface CaretInField extends CaretIdentity {
  clientId: number;
}

/** Whether `type` is `fragment` or sits somewhere inside it. */
function isWithin(type: Y.AbstractType<unknown> | null, fragment: Y.XmlFragment): boolean {
  let current: Y.AbstractType<unknown> | null = type;
  while (current) {
    if (current === (fragment as unknown)) return true;
    current = (current._item?.parent as Y.AbstractType<unknown> | undefined) ?? null;
  }
  return false;
}

/** The people (from `states`) whose caret resolves inside `fragment`, by name. */
export function caretsIn(
  states: ReadonlyMap<number, Record<string, unknown>>,
  fragment: Y.XmlFragment,
): CaretInField[] {
  const doc = fragment.doc;
  if (!doc) return [];
  const found: CaretInField[] = [];
  for (const [clientId, state] of states) {
    const cursor = state.cursor as { head?: unknown } | null | undefined;
    if (!cursor?.head) continue;
    let resolved: Y.AbsolutePosition | null = null;
    try {
      resolved = Y.createAbsolutePositionFromRelativePosition(
        Y.createRelativePositionFromJSON(cursor.head),
        doc,
      );
    } catch {
      continue; // Awareness is input from the wire: a position that cannot be read shows nothing.
    }
    if (resolved && isWithin(resolved.type, fragment)) {
      found.push({ clientId, ...caretIdentityOf(state.user) });
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.clientId - b.clientId);
}

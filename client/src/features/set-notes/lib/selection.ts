/** The parts of a Y.Text change event this module reads (`YTextEvent['delta']`). */
export type TextDelta = ReadonlyArray<{ retain?: number; insert?: unknown; delete?: number }>;

function insertLength(insert: unknown): number {
  // Y.Text inserts are strings; embeds count as one position.
  return typeof insert === 'string' ? insert.length : 1;
}

/**
 * Where a position in the old text ends up after a change described by `delta`.
 * `stick` decides text inserted exactly at the position: with `'after'` the position moves past
 * it (as a Y.RelativePosition with assoc 0 does), with `'before'` it stays in front.
 */
export function transformPosition(
  position: number,
  delta: TextDelta,
  stick: 'before' | 'after' = 'after',
): number {
  let oldIndex = 0;
  let shift = 0;
  for (const op of delta) {
    if (oldIndex > position) break;
    if (op.retain !== undefined) {
      oldIndex += op.retain;
    } else if (op.insert !== undefined) {
      if (oldIndex < position || stick === 'after') shift += insertLength(op.insert);
    } else if (op.delete !== undefined) {
      // Deleted text before the position pulls it back; deletion spanning it lands at the start.
      const deleted = Math.min(op.delete, position - oldIndex);
      shift -= deleted;
      oldIndex += op.delete;
    }
  }
  return Math.max(0, position + shift);
}

/**
 * Moves a selection through a change so it still covers the same characters. A caret moves
 * past text inserted where it stands; a range does not grow to take in text inserted at its
 * edges.
 */
export function transformSelection(
  selection: { start: number; end: number },
  delta: TextDelta,
): { start: number; end: number } {
  const start = transformPosition(selection.start, delta, 'after');
  if (selection.end === selection.start) return { start, end: start };
  return { start, end: Math.max(start, transformPosition(selection.end, delta, 'before')) };
}

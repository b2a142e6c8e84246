/** One contiguous replacement that turns one string into another. */
export interface TextSplice {
  index: number;
  deleteCount: number;
  insert: string;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** Whether `index` falls between the two halves of a surrogate pair (e.g. inside an emoji). */
function splitsSurrogatePair(text: string, index: number): boolean {
  return (
    index > 0 &&
    index < text.length &&
    isHighSurrogate(text.charCodeAt(index - 1)) &&
    isLowSurrogate(text.charCodeAt(index))
  );
}

/**
 * The smallest single splice turning `before` into `after` (common prefix and suffix kept).
 *
 * `caret` (the caret after the edit) settles ambiguous cases such as typing "a" inside "aa":
 * the splice is placed where the person typed, which keeps concurrent edits from others in
 * the right place. Splices never cut a surrogate pair in half, because Yjs would store the
 * lone halves as replacement characters.
 */
export function diffText(before: string, after: string, caret = after.length): TextSplice {
  const grown = Math.max(0, after.length - before.length);
  const prefixLimit = Math.min(before.length, after.length, Math.max(0, caret - grown));
  let start = 0;
  while (start < prefixLimit && before.charCodeAt(start) === after.charCodeAt(start)) start += 1;
  if (splitsSurrogatePair(before, start) || splitsSurrogatePair(after, start)) start -= 1;

  let endBefore = before.length;
  let endAfter = after.length;
  while (
    endBefore > start &&
    endAfter > start &&
    before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)
  ) {
    endBefore -= 1;
    endAfter -= 1;
  }
  if (splitsSurrogatePair(before, endBefore) || splitsSurrogatePair(after, endAfter)) {
    endBefore += 1;
    endAfter += 1;
  }
  return { index: start, deleteCount: endBefore - start, insert: after.slice(start, endAfter) };
}

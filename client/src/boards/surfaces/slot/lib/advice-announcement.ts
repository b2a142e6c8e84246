/**
 * What a screen reader hears about the advice check while a member types. The reasons on screen
 * follow every keystroke; announcing each change would talk over the typing, so the spoken line
 * changes only when the kinds of sign found change.
 */
import type { AdviceCheck } from '@setboard/shared';

/** Identifies which signs were found, ignoring details such as a word count. */
export function adviceKey(check: AdviceCheck): string {
  return check.reasons.map((reason) => reason.code).join(' ');
}

export function adviceAnnouncement(check: AdviceCheck): string {
  const count = check.reasons.length;
  if (count === 0) return '';
  const first = check.reasons[0]!.message;
  return count === 1
    ? `A thought about your question: ${first}`
    : `${count} thoughts about your question. The first: ${first}`;
}

/**
 * Words the server gave back (docs/protocol.md Y13), gathered into one entry per section: the
 * keystrokes that carried on into a section after it closed arrive as several notices, and the
 * person sees them as the one passage they typed, never a box per keystroke.
 */
import type { GivenBack, WriteRefusedNotice } from '@setboard/shared';

export interface GivenBackEntry {
  /** The section, as the server names it (`root` or `root:key`); one entry each. */
  section: string;
  reason: string;
  /** Everything given back for this section since the entry was last dismissed, in order. */
  text: string;
  /** Where the meeting had moved when the section closed (a stage or phase id), if it runs. */
  movedTo: string | null;
}

/** The entries with `notice` folded in: new sections appended, known ones extended. */
export function addGivenBack(
  entries: readonly GivenBackEntry[],
  notice: WriteRefusedNotice,
): GivenBackEntry[] {
  const next = [...entries];
  for (const refusal of notice.refusals) {
    const at = next.findIndex((entry) => entry.section === refusal.section);
    if (at === -1) next.push(entryOf(refusal, notice.movedTo));
    else {
      const entry = next[at]!;
      next[at] = {
        ...entry,
        reason: refusal.reason,
        text: entry.text + refusal.text,
        movedTo: notice.movedTo ?? entry.movedTo,
      };
    }
  }
  return next;
}

function entryOf(refusal: GivenBack, movedTo: string | null): GivenBackEntry {
  return { section: refusal.section, reason: refusal.reason, text: refusal.text, movedTo };
}

/** "issueStatement:abc" → "Issue statement": a name for the section a person recognises. */
export function sectionLabel(section: string): string {
  const root = section.split(':')[0] ?? section;
  const words = root.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

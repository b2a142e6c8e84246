import { z } from 'zod';

/**
 * People's names: one rule for what a name may be, and one for telling apart two people in a set
 * who share a name. Names reach every other member's screen, so characters that hide or reorder
 * text (bidi overrides and isolates, zero-width characters) are removed before a name is stored,
 * and a name with nothing visible left is refused.
 */

/**
 * Characters removed from names: bidi embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069), the directional marks (U+200E, U+200F, U+061C), zero-width characters
 * (U+200B–U+200D, U+2060–U+2064, U+FEFF), the soft hyphen and other default-ignorable
 * characters that render as nothing (Hangul fillers, U+115F/U+1160/U+3164/U+FFA0, variation
 * selectors, U+180E and the tag characters), and control characters (tabs and line breaks become
 * spaces instead).
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class -- removing each of these code points on its own is the point
  /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF0-\uFFF8]|\uDB40[\uDC00-\uDDEF]/g;

/** Runs of any kind of space (including non-breaking and ideographic) become one space. */
const SPACES = /[\s\u2000-\u200A\u202F\u205F\u3000]+/g;

/** A letter in any script: a name needs at least one. */
const VISIBLE_LETTER = /\p{L}/u;

/** The longest person's name, in characters, after cleaning. */
export const MAX_NAME_LENGTH = 100;

/**
 * A name as it is stored: Unicode-normalised (NFC), hidden and reordering characters removed,
 * spaces collapsed and trimmed. Apply before validating (`nameProblem`).
 */
export function cleanName(raw: string): string {
  return raw.normalize('NFC').replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/** Why a cleaned name cannot be used, in words for the person typing it; null when it can. */
export function nameProblem(
  cleaned: string,
  label = 'your name',
  max = MAX_NAME_LENGTH,
): string | null {
  if (cleaned.length === 0) return `Enter ${label}`;
  if (!VISIBLE_LETTER.test(cleaned)) return `${capitalise(label)} must contain letters`;
  if (cleaned.length > max) return `${capitalise(label)} must be ${max} characters or fewer`;
  return null;
}

/**
 * The zod schema for a name-like field (a person's name, their organisation, a set's name):
 * cleaned by `cleanName`, then refused with `nameProblem`'s message. Every route that takes a
 * name parses it with this, so the server stores only cleaned names.
 */
export function nameText(label: string, max: number) {
  return z
    .string(`Enter ${label}`)
    .max(max * 4, `${capitalise(label)} must be ${max} characters or fewer`)
    .transform((raw, context) => {
      const cleaned = cleanName(raw);
      const problem = nameProblem(cleaned, label, max);
      if (problem) {
        context.addIssue({ code: 'custom', message: problem });
        return z.NEVER;
      }
      return cleaned;
    });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The form in which two names count as the same: cleaned, case and accents folded. */
export function nameKey(name: string): string {
  return cleanName(name).normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en-GB');
}

/** The parts of a person these helpers read. */
export interface NamedPerson {
  id: string;
  name: string;
  organisation: string;
}

/**
 * How to show each person among `people` (the members of one set): their name, or "Name
 * (Organisation)" when someone else among them has the same name. Keyed by person id.
 */
export function distinctNames(people: Iterable<NamedPerson>): Map<string, string> {
  const list = [...people];
  const counts = new Map<string, number>();
  for (const person of list) {
    const key = nameKey(person.name);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const shown = new Map<string, string>();
  for (const person of list) {
    const shared = (counts.get(nameKey(person.name)) ?? 0) > 1;
    const organisation = person.organisation.trim();
    // Names stored before the cleaning rule existed are cleaned for display too.
    const name = cleanName(person.name);
    shown.set(person.id, shared && organisation ? `${name} (${cleanName(organisation)})` : name);
  }
  return shown;
}

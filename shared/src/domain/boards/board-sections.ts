/**
 * Where things live inside a board (a Y.Doc). The write gate checks every change against the
 * *section* it touches: a root type, plus a key when the section belongs to one person or one
 * record. Prose owned by one person gets a root of its own, named `<root>:<personId>`, so two
 * people never race to create the same nested type (a Y.Map key set twice keeps only one).
 */
import type { DocKind } from '../../protocol/doc-names.js';

/** A section: the unit the write rules talk about. */
export interface BoardSection {
  root: string;
  /** The person or record the section belongs to, or null for a shared section. */
  key: string | null;
}

/** The root types of each kind of board, and their Yjs type. */
export const BOARD_ROOTS = {
  set: {
    /** The set's shared notes (plain text): any member, any time. */
    notes: 'text',
    /** The ground rules being drafted or amended (prose; the facilitator writes). */
    groundRules: 'xml',
    /** Published versions of the ground rules: `{ version, text, publishedAt, publishedBy }`. */
    contractVersions: 'array',
    /** Each member's agreement, keyed by person id: `{ version, agreedAt }`. */
    agreements: 'map',
    /** The set's objectives, keyed by objective id (see `ObjectiveRecord`). */
    setObjectives: 'map',
    /** `personalObjectives:<personId>`: one member's individual objectives, keyed by id. */
    personalObjectives: 'map',
  },
  meeting: {
    /** `expectations:<personId>`: a member's expectations card (meeting 1). */
    expectations: 'xml',
    /** `reportBack:<personId>`: a member's check-in report-back (meeting 2 onwards). */
    reportBack: 'xml',
    /** Notes from the process review (prose). */
    processReview: 'xml',
  },
  slot: {
    /** The presenter's issue in one sentence (prose). */
    issueStatement: 'xml',
    /** The outcome the presenter wants from the slot (prose). */
    desiredOutcome: 'xml',
    /** Questions put to the presenter, keyed by question id; written only by the server. */
    questions: 'map',
    /** `reflections:<personId>`: what one person reflects back. */
    reflections: 'xml',
    /** The presenter's actions, keyed by action id (see `ActionRecord`). */
    actions: 'map',
    /** The kept summary of the slot (prose). */
    summary: 'xml',
  },
  log: {
    /**
     * The log as it was before entries were dated: one box of prose. Kept, and shown as the
     * first entry ("Earlier notes"), so nothing written then is lost.
     */
    entries: 'xml',
    /** The dated entries, keyed by entry id: `{ date, title, setId, meetingNumber, createdAt }`. */
    logEntries: 'map',
    /** `entry:<entryId>`: one entry's prose. */
    entry: 'xml',
  },
} as const satisfies Record<DocKind, Record<string, 'xml' | 'map' | 'array' | 'text'>>;

/** Roots whose sections are per person: the key is part of the root's name. */
const PER_PERSON_ROOTS = new Set([
  'personalObjectives',
  'expectations',
  'reportBack',
  'reflections',
  // Not a person but one log entry: still one root per key, so entries never race.
  'entry',
]);
/** Map roots whose first-level keys are sections (one record or person each). */
const KEYED_MAP_ROOTS = new Set([
  'logEntries',
  'agreements',
  'setObjectives',
  'personalObjectives',
  'questions',
  'actions',
]);

/** The root name of a per-person section, e.g. `expectations:<personId>`. */
export function personalRoot(root: string, personId: string): string {
  return `${root}:${personId}`;
}

/**
 * The section a change belongs to, from the name of the root type it sits under and, for map
 * roots, the first-level key. Returns null for roots no board defines.
 */
export function sectionOf(kind: DocKind, rootName: string, mapKey: string | null): BoardSection {
  const separator = rootName.indexOf(':');
  const base = separator === -1 ? rootName : rootName.slice(0, separator);
  const owner = separator === -1 ? null : rootName.slice(separator + 1);
  const known = Object.hasOwn(BOARD_ROOTS[kind], base);
  if (!known || PER_PERSON_ROOTS.has(base) !== (owner !== null) || owner === '') {
    return { root: rootName, key: mapKey };
  }
  if (owner !== null) return { root: base, key: owner };
  return { root: base, key: KEYED_MAP_ROOTS.has(base) ? mapKey : null };
}

/** Whether the board kind defines this root (per-person roots by their base name). */
export function isKnownRoot(kind: DocKind, root: string): boolean {
  return Object.hasOwn(BOARD_ROOTS[kind], root);
}

/** Slot ids are `<meetingId>-s<n>`: the meeting (and so the set) a slot belongs to. */
const SLOT_ID = /^(.+)-s(\d{1,3})$/;

export function meetingIdOfSlot(slotId: string): string | null {
  return SLOT_ID.exec(slotId)?.[1] ?? null;
}

export type BoardRootType = 'xml' | 'map' | 'array' | 'text';

/** The Yjs type of a root (per-person roots by their base name), or null for unknown roots. */
export function rootTypeOf(kind: DocKind, rootName: string): BoardRootType | null {
  const section = sectionOf(kind, rootName, null);
  if (!isKnownRoot(kind, section.root)) return null;
  const roots: Record<string, BoardRootType> = BOARD_ROOTS[kind];
  return roots[section.root] ?? null;
}

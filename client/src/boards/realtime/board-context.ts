/**
 * The client's side of the write rules: the same `BoardWriteContext` the server's write gate
 * builds (server/src/boards/board-context.ts), from what this page already knows, so a field is
 * locked on screen exactly when the server would refuse writing to it.
 */
import {
  activeRole,
  type BoardWriteContext,
  type DocName,
  type MeetingState,
  type SetView,
  SetSettings,
  isLive,
  mayWrite,
  parseDocName,
  sectionOf,
} from '@setboard/shared';

const DEFAULT_NOTES_POLICY = SetSettings.parse({}).notesPolicy;

export interface BoardContextInput {
  docName: DocName;
  personId: string | null;
  /** The set the board belongs to, as the page loaded it; null for boards of no set. */
  set: SetView | null;
  /** The meeting that governs the board (see `governingMeeting`), or null when none. */
  meeting: MeetingState | null;
}

/** Everything `mayWrite` needs, or null until the person and doc name are known. */
export function buildBoardContext(input: BoardContextInput): BoardWriteContext | null {
  const parsed = parseDocName(input.docName);
  if (!parsed || !input.personId) return null;
  const membership = input.set?.members.find((member) => member.person.id === input.personId);
  return {
    kind: parsed.kind,
    docId: parsed.id,
    personId: input.personId,
    setRole: activeRole(membership),
    meeting: input.meeting,
    notesPolicy: input.set?.settings.notesPolicy ?? DEFAULT_NOTES_POLICY,
  };
}

/** A set's docs are governed by its meeting that is running now, if any. */
export function liveMeetingAmong(states: readonly (MeetingState | null)[]): MeetingState | null {
  return states.find((state): state is MeetingState => state !== null && isLive(state)) ?? null;
}

export type FieldAccess = { editable: true } | { editable: false; reason: string };

const STILL_LOADING: FieldAccess = {
  editable: false,
  reason: 'Checking who can write here…',
};

/**
 * Whether this person may write to a root section of the board now, and if not, why, in the
 * rule's own words. `rootName` is the root type's name (`summary`, `reflections:<personId>`);
 * `mapKey` is the record's key for map sections.
 */
export function fieldAccess(
  context: BoardWriteContext | null,
  rootName: string,
  mapKey: string | null = null,
): FieldAccess {
  if (!context) return STILL_LOADING;
  const verdict = mayWrite(context, sectionOf(context.kind, rootName, mapKey));
  return verdict.allowed ? { editable: true } : { editable: false, reason: verdict.reason };
}

/**
 * Who may write a root section now, as a test of a person's id: only their carets are drawn in
 * the field. It asks the same rule for each person, with their own role in the set.
 */
export function fieldWriters(
  context: BoardWriteContext | null,
  set: SetView | null,
  rootName: string,
  mapKey: string | null = null,
): (personId: string) => boolean {
  return (personId) => {
    if (!context) return false;
    const membership = set?.members.find((member) => member.person.id === personId);
    const theirs: BoardWriteContext = { ...context, personId, setRole: activeRole(membership) };
    return mayWrite(theirs, sectionOf(context.kind, rootName, mapKey)).allowed;
  };
}

/**
 * Gathers what the write rules need about one write: the writer's role in the set, and the
 * meeting that governs the doc (shared/src/domain/boards/write-rules.ts).
 *
 * The records it reads (the set, its meetings) are kept per doc and trusted only while the
 * store's change counts for those collections stand where they stood before the records were
 * read (docs/architecture.md, "The gate's cached context"). A count moves in the same atomic
 * step as the write, on whatever instance made it, so a stage change applies to the very next
 * keystroke everywhere, and no message that could go astray is relied on. A keystroke costs one
 * read of two counters instead of the set and its meetings.
 */
import {
  isLive,
  meetingIdOf,
  meetingIdOfSlot,
  parseDocName,
  parseMeetingId,
  SetSettings,
  setSectionNeedsMeeting,
  type BoardSection,
  type BoardWriteContext,
  type MeetingState,
} from '@setboard/shared';
import { Collection, type SetRecord } from '../access/records.js';
import { MEETINGS_COLLECTION, type MeetingRecord } from '../meetings/meeting-service.js';
import { ChangeCountedCache } from '../store/change-counted-cache.js';
import type { Store } from '../store/store.js';

/** What the rules need, and who is in the set (everyone ever in it; null for docs of no set). */
export type GateContext = BoardWriteContext & { setMemberIds: ReadonlySet<string> | null };

/** What the rules need for `personId` writing `sections` of `docName`. */
export type BoardContextLoader = (
  docName: string,
  personId: string,
  sections: readonly BoardSection[],
) => Promise<GateContext>;

const DEFAULT_NOTES_POLICY = SetSettings.parse({}).notesPolicy;

/** Every collection a doc's context is read from. */
const CONTEXT_COLLECTIONS = [Collection.sets, MEETINGS_COLLECTION] as const;

/** Past this many docs the cache starts afresh (it refills from the store as docs are written). */
const MAX_CACHED_DOCS = 5_000;

/** The records one doc's writes are judged by. */
interface DocRecords {
  kind: BoardWriteContext['kind'];
  docId: string;
  set: SetRecord | undefined;
  setMemberIds: ReadonlySet<string> | null;
  /** The meeting a meeting or slot doc belongs to. */
  meeting: MeetingState | null;
  /** A set doc's live meeting, read the first time a write to it needs one. */
  liveMeeting?: Promise<MeetingState | null>;
}

export function createBoardContextLoader(store: Store): BoardContextLoader {
  const meetingState = async (meetingId: string): Promise<MeetingState | null> =>
    (await store.get<MeetingRecord>(MEETINGS_COLLECTION, meetingId))?.value.state ?? null;

  /** The set's meeting that is running now, if any (a set plans at most twelve). */
  const liveMeetingOf = async (set: SetRecord): Promise<MeetingState | null> => {
    const states = await Promise.all(
      set.meetings.map((_, index) => meetingState(meetingIdOf(set.id, index))),
    );
    return states.find((state) => state !== null && isLive(state)) ?? null;
  };

  const readRecords = async (docName: string): Promise<DocRecords> => {
    const parsed = parseDocName(docName);
    if (!parsed) throw new Error(`not a doc name: ${docName}`);
    const { kind, id } = parsed;
    const meetingId = kind === 'meeting' ? id : kind === 'slot' ? meetingIdOfSlot(id) : null;
    const setId = kind === 'set' ? id : parseMeetingId(meetingId ?? '')?.setId;
    const [setRecord, meeting] = await Promise.all([
      setId ? store.get<SetRecord>(Collection.sets, setId) : null,
      meetingId ? meetingState(meetingId) : null,
    ]);
    const set = setRecord?.value;
    return {
      kind,
      docId: id,
      set,
      setMemberIds: set ? new Set(Object.keys(set.members)) : null,
      meeting,
    };
  };

  const cache = new ChangeCountedCache<DocRecords>(MAX_CACHED_DOCS);

  return async (docName, personId, sections) => {
    const counts = await store.changeCounts(CONTEXT_COLLECTIONS);
    const records = await cache.get(docName, counts, () => readRecords(docName));
    const { kind, docId, set } = records;
    let meeting = records.meeting;
    if (kind === 'set' && set && sections.some(setSectionNeedsMeeting)) {
      records.liveMeeting ??= liveMeetingOf(set).catch((error: unknown) => {
        records.liveMeeting = undefined; // read again by the next write
        throw error;
      });
      meeting = await records.liveMeeting;
    }
    const member = set?.members[personId];
    return {
      kind,
      docId,
      personId,
      setRole: member?.status === 'active' ? member.role : null,
      meeting,
      notesPolicy: set?.settings.notesPolicy ?? DEFAULT_NOTES_POLICY,
      setMemberIds: records.setMemberIds,
    };
  };
}

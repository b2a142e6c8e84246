/**
 * Gathers what the write rules need about one write: the writer's role in the set, and the
 * meeting that governs the doc (shared/src/domain/boards/write-rules.ts). Read from the store on
 * every write, so a stage change on any instance applies to the very next keystroke.
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

  return async (docName, personId, sections) => {
    const parsed = parseDocName(docName);
    if (!parsed) throw new Error(`not a doc name: ${docName}`);
    const { kind, id } = parsed;
    const meetingId = kind === 'meeting' ? id : kind === 'slot' ? meetingIdOfSlot(id) : null;
    const setId = kind === 'set' ? id : parseMeetingId(meetingId ?? '')?.setId;
    const set = setId ? (await store.get<SetRecord>(Collection.sets, setId))?.value : undefined;
    const member = set?.members[personId];
    let meeting: MeetingState | null = null;
    if (meetingId) meeting = await meetingState(meetingId);
    else if (kind === 'set' && set && sections.some(setSectionNeedsMeeting)) {
      meeting = await liveMeetingOf(set);
    }
    return {
      kind,
      docId: id,
      personId,
      setRole: member?.status === 'active' ? member.role : null,
      meeting,
      notesPolicy: set?.settings.notesPolicy ?? DEFAULT_NOTES_POLICY,
      setMemberIds: set ? new Set(Object.keys(set.members)) : null,
    };
  };
}

import {
  type BoardWriteContext,
  type DocName,
  type MeetingState,
  type SetView,
  parseDocName,
} from '@setboard/shared';
import { useMemo } from 'react';
import { useSignedInPerson } from '../../session/session-context';
import { buildBoardContext } from './board-context';
import { useLiveMeetingOfSet } from './use-live-meeting-of-set';

/**
 * The write context for the signed-in person on board `docName`, kept current as the meeting
 * moves on. `meeting` is the meeting that governs the board: pages of meeting and slot boards
 * pass the live state they already follow (null while there is none). For a set's own board
 * leave it out: the set's running meeting, if any, is found here.
 */
export function useBoardContext(
  docName: DocName,
  set: SetView | null,
  meeting?: MeetingState | null,
): BoardWriteContext | null {
  const person = useSignedInPerson();
  const findSetMeeting = meeting === undefined && parseDocName(docName)?.kind === 'set';
  const setMeeting = useLiveMeetingOfSet(findSetMeeting ? set : null);
  const governing = meeting === undefined ? setMeeting : meeting;
  const personId = person?.id ?? null;
  return useMemo(
    () => buildBoardContext({ docName, personId, set, meeting: governing }),
    [docName, personId, set, governing],
  );
}

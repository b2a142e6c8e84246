import { type DocName, SetView } from '@setboard/shared';

/** `GET /api/sets/:setId`: the set's people (for names) and its planned meetings. */
export const MeetingBoardSetReply = SetView;

export function meetingBoardSetPath(setId: string): string {
  return `/api/sets/${encodeURIComponent(setId)}`;
}

/** A meeting's board (`docs/protocol.md`: `meeting:<meetingId>`). */
export function meetingDocName(meetingId: string): DocName {
  return `meeting:${meetingId}`;
}

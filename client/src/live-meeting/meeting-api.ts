import { SetView } from '@setboard/shared';

/** `GET /api/sets/:setId`: the set's people (for names) and plan (for the video link). */
export const MeetingSetReply = SetView;

export function meetingSetPath(setId: string): string {
  return `/api/sets/${encodeURIComponent(setId)}`;
}

/** The room's address in the app. */
export function meetingRoomPath(setId: string, meetingIndex: number): string {
  return `/sets/${encodeURIComponent(setId)}/meetings/${meetingIndex}`;
}

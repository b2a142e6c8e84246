/** The room's address in the app. */
export function meetingRoomPath(setId: string, meetingIndex: number): string {
  return `/sets/${encodeURIComponent(setId)}/meetings/${meetingIndex}`;
}

/** The Socket.IO room of a meeting's subscribers, on every instance. */
export function meetingRoomOf(meetingId: string): string {
  return `meeting:${meetingId}`;
}

/** The Socket.IO room of a meeting's subscribers, on every instance. */
export function meetingRoomOf(meetingId: string): string {
  return `meeting:${meetingId}`;
}

/** The meeting whose room this is, or null for any other room. */
export function meetingOfRoom(room: string): string | null {
  return room.startsWith('meeting:') ? room.slice('meeting:'.length) : null;
}

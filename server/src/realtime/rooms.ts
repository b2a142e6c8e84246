/** The Socket.IO rooms every instance shares, by name (meetings have theirs in meeting-room.ts). */

/** The room holding every connection of one person, on every instance. */
export function personRoom(personId: string): string {
  return `person:${personId}`;
}

/** The room holding the connections of one session (one browser), on every instance. */
export function sessionRoom(sessionKey: string): string {
  return `session:${sessionKey}`;
}

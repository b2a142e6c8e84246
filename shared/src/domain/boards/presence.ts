/**
 * How a person appears to others with the same board open (cursors, "also here"). The server
 * writes this into every awareness state it relays, from the identity it knows; whatever a client
 * claims is overwritten (docs/protocol.md, rule W-awareness).
 */

export interface PresenceUser {
  id: string;
  name: string;
  /** A hex colour from `PRESENCE_COLOURS`. */
  colour: string;
}

/** NHS palette colours with at least 3:1 contrast against white, so cursors stay visible. */
export const PRESENCE_COLOURS = ['#005eb8', '#007f3b', '#330072', '#ae2573', '#8a1538', '#425563'];

/** The same colour for the same person on every device (a small hash of their id). */
export function presenceColourOf(personId: string): string {
  let hash = 0;
  for (const char of personId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PRESENCE_COLOURS[hash % PRESENCE_COLOURS.length] ?? '#425563';
}

export function presenceUserOf(person: { id: string; name: string }): PresenceUser {
  return { id: person.id, name: person.name, colour: presenceColourOf(person.id) };
}

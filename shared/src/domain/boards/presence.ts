/**
 * How a person appears to others with the same board open (cursors, "also here"). The server
 * writes this into every awareness state it relays, from the identity it knows; whatever a client
 * claims is overwritten (docs/protocol.md, rule W16).
 */

export interface PresenceUser {
  id: string;
  name: string;
  /** A hex colour from `PRESENCE_COLOURS`. */
  colour: string;
}

/**
 * NHS palette colours with at least 4.5:1 contrast against white (so white text on them and the
 * carets themselves stay readable), different enough from each other to tell apart. Nine covers
 * a set's facilitator and eight members.
 */
export const PRESENCE_COLOURS = [
  '#005eb8', // blue
  '#007f3b', // green
  '#330072', // purple
  '#ae2573', // pink
  '#8a1538', // dark red
  '#425563', // dark grey
  '#003087', // dark blue
  '#d5281b', // red
  '#8c4a00', // brown
];

function preferredIndexOf(personId: string): number {
  let hash = 0;
  for (const char of personId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % PRESENCE_COLOURS.length;
}

/** A person's preferred colour (a small hash of their id): the same on every device. */
export function presenceColourOf(personId: string): string {
  return PRESENCE_COLOURS[preferredIndexOf(personId)] ?? '#425563';
}

export function presenceUserOf(person: { id: string; name: string }): PresenceUser {
  return { id: person.id, name: person.name, colour: presenceColourOf(person.id) };
}

/**
 * Colours for everyone with one doc open, distinct while there are no more people than colours.
 * Each takes their preferred colour unless someone earlier (by id) has it, then the next free
 * one. Every device sees the same people, so every device gives the same answer.
 */
export function distinctPresenceColours(personIds: Iterable<string>): Map<string, string> {
  const ids = [...new Set(personIds)].sort();
  const taken = new Set<number>();
  const colours = new Map<string, string>();
  for (const id of ids) {
    let index = preferredIndexOf(id);
    if (taken.size < PRESENCE_COLOURS.length) {
      while (taken.has(index)) index = (index + 1) % PRESENCE_COLOURS.length;
    }
    taken.add(index);
    colours.set(id, PRESENCE_COLOURS[index] ?? '#425563');
  }
  return colours;
}

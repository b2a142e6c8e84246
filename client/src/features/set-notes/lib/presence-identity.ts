/** How a person appears to the others who have the same notes open. */
export interface PresenceIdentity {
  name: string;
  /** A hex colour from `IDENTITY_COLOURS`. */
  colour: string;
}

/** NHS palette colours with at least 3:1 contrast against white, so swatches stay visible. */
export const IDENTITY_COLOURS = ['#005eb8', '#007f3b', '#330072', '#ae2573', '#8a1538', '#425563'];

/** The colour a person shows in when nothing better is known. */
export const NEUTRAL_COLOUR = '#425563';

/** Longest name shown for a peer; longer ones are refused as not from a real profile. */
const MAX_NAME_LENGTH = 100;

/** The same colour for the same person on every device (a small hash of their id). */
export function colourFor(personId: string): string {
  let hash = 0;
  for (const char of personId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return IDENTITY_COLOURS[hash % IDENTITY_COLOURS.length] ?? NEUTRAL_COLOUR;
}

export function identityFor(person: { id: string; name: string }): PresenceIdentity {
  return { name: person.name, colour: colourFor(person.id) };
}

/**
 * Reads an identity from another client's awareness state. Awareness is untrusted input
 * (any peer can send anything), so only a short name and a known colour are accepted.
 */
export function readPresenceIdentity(state: unknown): PresenceIdentity | null {
  if (typeof state !== 'object' || state === null) return null;
  const user: unknown = (state as { user?: unknown }).user;
  if (typeof user !== 'object' || user === null) return null;
  const { name, colour } = user as { name?: unknown; colour?: unknown };
  if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_NAME_LENGTH) return null;
  return {
    name: name.trim(),
    colour:
      typeof colour === 'string' && IDENTITY_COLOURS.includes(colour) ? colour : NEUTRAL_COLOUR,
  };
}

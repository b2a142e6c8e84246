import { PRESENCE_COLOURS, presenceColourOf } from '@setboard/shared';

/** How a person appears to the others who have the same notes open. */
export interface PresenceIdentity {
  /** The person's id, when known: colours are shared out by it (`distinctPresenceColours`). */
  id?: string;
  name: string;
  /** A hex colour from `IDENTITY_COLOURS`. */
  colour: string;
}

/** The palette the server colours presence with (shared, so every page agrees). */
export const IDENTITY_COLOURS = PRESENCE_COLOURS;

/** The colour a person shows in when nothing better is known. */
export const NEUTRAL_COLOUR = '#425563';

/** Longest name shown for a peer; longer ones are refused as not from a real profile. */
const MAX_NAME_LENGTH = 100;

/** The same colour for the same person on every device (the server's choice, `presenceColourOf`). */
export const colourFor = presenceColourOf;

export function identityFor(person: { id: string; name: string }): PresenceIdentity {
  return { id: person.id, name: person.name, colour: colourFor(person.id) };
}

/**
 * Reads an identity from another client's awareness state. Awareness is untrusted input
 * (any peer can send anything), so only a short name and a known colour are accepted.
 */
export function readPresenceIdentity(state: unknown): PresenceIdentity | null {
  if (typeof state !== 'object' || state === null) return null;
  const user: unknown = (state as { user?: unknown }).user;
  if (typeof user !== 'object' || user === null) return null;
  const { id, name, colour } = user as { id?: unknown; name?: unknown; colour?: unknown };
  if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_NAME_LENGTH) return null;
  return {
    ...(typeof id === 'string' && id !== '' ? { id } : {}),
    name: name.trim(),
    colour:
      typeof colour === 'string' && IDENTITY_COLOURS.includes(colour) ? colour : NEUTRAL_COLOUR,
  };
}

/** How this tab appears to others until the server assigns real identities. */
export interface FriendlyIdentity {
  name: string;
  /** A hex colour from `IDENTITY_COLOURS`. */
  colour: string;
}

const ADJECTIVES = ['Amber', 'Bright', 'Calm', 'Clever', 'Gentle', 'Kind', 'Quick', 'Steady'];
const ANIMALS = ['Badger', 'Heron', 'Otter', 'Puffin', 'Robin', 'Hare', 'Wren', 'Fox'];

/** NHS palette colours with at least 3:1 contrast against white, so swatches stay visible. */
export const IDENTITY_COLOURS = ['#005eb8', '#007f3b', '#330072', '#ae2573', '#8a1538', '#425563'];

function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick needs a non-empty list');
  return item;
}

export function pickFriendlyIdentity(random: () => number = Math.random): FriendlyIdentity {
  return {
    name: `${pick(ADJECTIVES, random)} ${pick(ANIMALS, random)}`,
    colour: pick(IDENTITY_COLOURS, random),
  };
}

/**
 * Reads an identity from another client's awareness state. Awareness is untrusted input
 * (any peer can send anything), so only a short name and a known colour are accepted.
 */
export function readFriendlyIdentity(state: unknown): FriendlyIdentity | null {
  if (typeof state !== 'object' || state === null) return null;
  const user: unknown = (state as { user?: unknown }).user;
  if (typeof user !== 'object' || user === null) return null;
  const { name, colour } = user as { name?: unknown; colour?: unknown };
  if (typeof name !== 'string' || name.trim() === '' || name.length > 60) return null;
  return {
    name: name.trim(),
    colour: typeof colour === 'string' && IDENTITY_COLOURS.includes(colour) ? colour : '#425563',
  };
}

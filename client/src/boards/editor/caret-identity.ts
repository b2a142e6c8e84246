/**
 * Who a remote caret belongs to, read from awareness. The server writes `user` as
 * `{ id, name, colour }` into every state it relays, but awareness is still input from the
 * wire, so only a short name and a colour from our palette are accepted.
 */
import { PRESENCE_COLOURS } from '@setboard/shared';

export interface CaretIdentity {
  name: string;
  /** A hex colour from `PRESENCE_COLOURS`. */
  colour: string;
}

/** The colour a caret shows in when its colour is missing or unknown. */
export const NEUTRAL_CARET_COLOUR = '#425563';

/** Longest name drawn beside a caret; longer ones are cut, not refused, so the caret still shows. */
export const MAX_CARET_NAME_LENGTH = 40;

/** A caret's name and colour from an awareness `user` field (whatever shape it arrived in). */
export function caretIdentityOf(user: unknown): CaretIdentity {
  const fields = typeof user === 'object' && user !== null ? (user as Record<string, unknown>) : {};
  const rawName = typeof fields.name === 'string' ? fields.name.trim() : '';
  const name =
    rawName.length > MAX_CARET_NAME_LENGTH
      ? `${rawName.slice(0, MAX_CARET_NAME_LENGTH - 1)}…`
      : rawName;
  const colour = fields.colour;
  return {
    name: name === '' ? 'Someone' : name,
    colour:
      typeof colour === 'string' && PRESENCE_COLOURS.includes(colour)
        ? colour
        : NEUTRAL_CARET_COLOUR,
  };
}

/**
 * The background of another person's selection: their colour, mostly transparent, so the text
 * under it keeps its contrast. Colours are six-digit hex, so two more digits make the alpha.
 */
export function selectionBackgroundOf(identity: CaretIdentity): string {
  return `${identity.colour}33`;
}

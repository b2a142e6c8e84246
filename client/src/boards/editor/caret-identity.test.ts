import { PRESENCE_COLOURS } from '@setboard/shared';
import { describe, expect, it } from 'vitest';
import {
  MAX_CARET_NAME_LENGTH,
  NEUTRAL_CARET_COLOUR,
  caretIdentityOf,
  selectionBackgroundOf,
} from './caret-identity';

describe('a caret’s identity from awareness', () => {
  it('takes the name and palette colour the server wrote', () => {
    const colour = PRESENCE_COLOURS[1]!;
    expect(caretIdentityOf({ id: 'p1', name: ' Pat Presenter ', colour })).toEqual({
      name: 'Pat Presenter',
      colour,
    });
  });

  it('refuses colours outside the palette, which could be anything a peer sent', () => {
    expect(caretIdentityOf({ name: 'Pat', colour: 'red; background: url(x)' }).colour).toBe(
      NEUTRAL_CARET_COLOUR,
    );
    expect(caretIdentityOf({ name: 'Pat', color: '#ffa500' }).colour).toBe(NEUTRAL_CARET_COLOUR);
  });

  it('still draws a caret for a missing or odd user, with a plain name', () => {
    expect(caretIdentityOf(undefined)).toEqual({ name: 'Someone', colour: NEUTRAL_CARET_COLOUR });
    expect(caretIdentityOf({ name: 42 }).name).toBe('Someone');
    const long = caretIdentityOf({ name: 'x'.repeat(200) }).name;
    expect(long).toHaveLength(MAX_CARET_NAME_LENGTH);
    expect(long.endsWith('…')).toBe(true);
  });

  it('washes a selection in the person’s colour, mostly transparent', () => {
    expect(selectionBackgroundOf({ name: 'Pat', colour: '#005eb8' })).toBe('#005eb833');
  });
});

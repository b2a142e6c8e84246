import { describe, expect, it } from 'vitest';
import {
  IDENTITY_COLOURS,
  colourFor,
  identityFor,
  readPresenceIdentity,
} from './presence-identity';

describe('presence identity', () => {
  it('gives a person the same palette colour every time', () => {
    const colour = colourFor('AAAAAAAAAAAAAAAAAAAAAA');
    expect(IDENTITY_COLOURS).toContain(colour);
    expect(colourFor('AAAAAAAAAAAAAAAAAAAAAA')).toBe(colour);
    expect(identityFor({ id: 'AAAAAAAAAAAAAAAAAAAAAA', name: 'Asha' })).toEqual({
      id: 'AAAAAAAAAAAAAAAAAAAAAA',
      name: 'Asha',
      colour,
    });
  });

  it('accepts a peer’s short name and known colour', () => {
    expect(readPresenceIdentity({ user: { name: ' Asha Patel ', colour: '#007f3b' } })).toEqual({
      name: 'Asha Patel',
      colour: '#007f3b',
    });
  });

  it('refuses malformed awareness states and replaces unknown colours', () => {
    expect(readPresenceIdentity(null)).toBeNull();
    expect(readPresenceIdentity({ user: 'Asha' })).toBeNull();
    expect(readPresenceIdentity({ user: { name: '   ' } })).toBeNull();
    expect(readPresenceIdentity({ user: { name: 'x'.repeat(101) } })).toBeNull();
    expect(readPresenceIdentity({ user: { name: 'Asha', colour: 'url(x)' } })?.colour).toBe(
      '#425563',
    );
  });
});

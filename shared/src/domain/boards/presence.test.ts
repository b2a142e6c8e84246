import { describe, expect, it } from 'vitest';
import { PRESENCE_COLOURS, distinctPresenceColours, presenceColourOf } from './presence.js';

describe('presence colours within one doc', () => {
  it('are all different while there are no more people than colours', () => {
    const ids = Array.from({ length: PRESENCE_COLOURS.length }, (_, index) => `person-${index}`);
    const colours = distinctPresenceColours(ids);
    expect(new Set(colours.values()).size).toBe(ids.length);
  });

  it('keep a person’s own colour when no one else has it, and agree on every device', () => {
    const colours = distinctPresenceColours(['solo']);
    expect(colours.get('solo')).toBe(presenceColourOf('solo'));
    const ids = ['x1', 'x2', 'x3', 'x4'];
    expect(distinctPresenceColours(ids)).toEqual(distinctPresenceColours([...ids].reverse()));
  });
});

import { describe, expect, it } from 'vitest';
import { lockReasons } from './SectionLockNotice';

describe('why a section is locked', () => {
  it('gives each reason once, for the locked fields only', () => {
    const own = 'Each member writes only their own expectations card.';
    expect(
      lockReasons([
        { editable: true },
        { editable: false, reason: own },
        { editable: false, reason: own },
        { editable: false, reason: 'It is not your turn.' },
      ]),
    ).toEqual([own, 'It is not your turn.']);
    expect(lockReasons([{ editable: true }])).toEqual([]);
  });
});

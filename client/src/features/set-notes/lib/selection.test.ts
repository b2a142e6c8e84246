import { describe, expect, it } from 'vitest';
import { transformPosition, transformSelection } from './selection';

describe('transformPosition', () => {
  it('moves past text inserted before it and ignores text inserted after it', () => {
    expect(transformPosition(5, [{ insert: 'abc' }])).toBe(8);
    expect(transformPosition(5, [{ retain: 6 }, { insert: 'abc' }])).toBe(5);
  });

  it('decides text inserted exactly at the position by its stickiness', () => {
    expect(transformPosition(3, [{ retain: 3 }, { insert: 'xy' }], 'after')).toBe(5);
    expect(transformPosition(3, [{ retain: 3 }, { insert: 'xy' }], 'before')).toBe(3);
  });

  it('moves back over deleted text and lands at the start of a deletion it was inside', () => {
    expect(transformPosition(5, [{ delete: 2 }])).toBe(3);
    expect(transformPosition(5, [{ retain: 3 }, { delete: 4 }])).toBe(3);
    expect(transformPosition(5, [{ retain: 5 }, { delete: 4 }])).toBe(5);
  });

  it('follows several changes in one delta', () => {
    const delta = [{ insert: 'ab' }, { retain: 2 }, { delete: 1 }, { retain: 4 }, { insert: 'z' }];
    expect(transformPosition(4, delta)).toBe(5);
  });
});

describe('transformSelection', () => {
  it('keeps a caret a caret', () => {
    expect(transformSelection({ start: 2, end: 2 }, [{ retain: 2 }, { insert: 'x' }])).toEqual({
      start: 3,
      end: 3,
    });
  });

  it('does not grow a range to take in text inserted at its edges', () => {
    const delta = [{ retain: 2 }, { insert: 'x' }, { retain: 3 }, { insert: 'y' }];
    expect(transformSelection({ start: 2, end: 5 }, delta)).toEqual({ start: 3, end: 6 });
  });
});

import { describe, expect, it } from 'vitest';
import { type TextSplice, diffText } from './text-diff';

function apply(text: string, splice: TextSplice): string {
  return (
    text.slice(0, splice.index) + splice.insert + text.slice(splice.index + splice.deleteCount)
  );
}

describe('diffText', () => {
  it('finds a plain insertion, deletion and replacement', () => {
    expect(diffText('hello', 'hello world')).toEqual({
      index: 5,
      deleteCount: 0,
      insert: ' world',
    });
    expect(diffText('hello world', 'hello')).toEqual({ index: 5, deleteCount: 6, insert: '' });
    expect(diffText('cat', 'cut', 2)).toEqual({ index: 1, deleteCount: 1, insert: 'u' });
    expect(diffText('same', 'same')).toEqual({ index: 4, deleteCount: 0, insert: '' });
  });

  it('places an ambiguous insertion where the caret says it was typed', () => {
    // Typing "a" between the two a's of "aa": the caret ends at 2, so the insert is at 1.
    expect(diffText('aa', 'aaa', 2)).toEqual({ index: 1, deleteCount: 0, insert: 'a' });
    // Without a caret hint the common prefix wins.
    expect(diffText('aa', 'aaa')).toEqual({ index: 2, deleteCount: 0, insert: 'a' });
  });

  it('places an ambiguous deletion where the caret says it happened', () => {
    // Backspace after the first "a" of "aaa" leaves the caret at 0.
    expect(diffText('aaa', 'aa', 0)).toEqual({ index: 0, deleteCount: 1, insert: '' });
  });

  it('never splits a surrogate pair', () => {
    const splice = diffText('a😀b', 'a😃b', 3);
    expect(splice).toEqual({ index: 1, deleteCount: 2, insert: '😃' });
    const suffixSplice = diffText('😀', '😃😀', 2);
    expect(apply('😀', suffixSplice)).toBe('😃😀');
    expect(suffixSplice.insert).toBe('😃');
  });

  it('always produces a splice that turns before into after', () => {
    const samples = ['', 'a', 'ab', 'aab', 'abba', '😀', 'a😀', '😀😀b', 'hello world'];
    for (const before of samples) {
      for (const after of samples) {
        for (let caret = 0; caret <= after.length; caret += 1) {
          expect(apply(before, diffText(before, after, caret))).toBe(after);
        }
      }
    }
  });
});

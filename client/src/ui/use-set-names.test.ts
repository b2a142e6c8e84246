import { describe, expect, it } from 'vitest';
import { isReader, possessive } from './use-set-names';

describe('names as owners', () => {
  it('says "Your" for the reader, never "Amira Khan (you)’s"', () => {
    expect(possessive('Amira Khan (you)')).toBe('Your');
    expect(isReader('Amira Khan (you)')).toBe(true);
    expect(possessive('Amira Khan')).toBe('Amira Khan’s');
    expect(isReader('Amira Khan')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { isoFromParts, normaliseTime, partsFromIso } from './date-parts';

describe('date parts', () => {
  it('writes typed parts as an ISO date, padding day and month', () => {
    expect(isoFromParts({ day: '1', month: '9', year: '2027' })).toBe('2027-09-01');
    expect(isoFromParts({ day: ' 21 ', month: '12', year: '2027' })).toBe('2027-12-21');
  });

  it('gives nothing for a missing or non-numeric part', () => {
    expect(isoFromParts({ day: '', month: '9', year: '2027' })).toBe('');
    expect(isoFromParts({ day: '1', month: 'Sep', year: '2027' })).toBe('');
    expect(isoFromParts({ day: '1', month: '9', year: '27' })).toBe('');
  });

  it('reads an ISO date back as people type it', () => {
    expect(partsFromIso('2027-09-01')).toEqual({ day: '1', month: '9', year: '2027' });
  });
});

describe('normaliseTime', () => {
  it('accepts common ways of typing a 24-hour time', () => {
    expect(normaliseTime('9:30')).toBe('09:30');
    expect(normaliseTime('09.30')).toBe('09:30');
    expect(normaliseTime('1400')).toBe('14:00');
    expect(normaliseTime(' 13:05 ')).toBe('13:05');
  });

  it('leaves anything else for the schema to explain', () => {
    expect(normaliseTime('half nine')).toBe('half nine');
    expect(normaliseTime('9:3')).toBe('9:3');
  });
});

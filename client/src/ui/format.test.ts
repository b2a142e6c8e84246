import { describe, expect, it } from 'vitest';
import { countOf, formatMeetingWhen, formatMoment } from './format';

describe('format', () => {
  it('writes a meeting as a long date with 24-hour times', () => {
    expect(formatMeetingWhen({ date: '2017-09-21', startTime: '09:30', endTime: '16:00' })).toBe(
      'Thursday 21 September 2017, 09:30 to 16:00',
    );
  });

  it('writes a moment with a 24-hour time', () => {
    const afternoon = new Date(2017, 8, 21, 14, 5).getTime();
    expect(formatMoment(afternoon)).toBe('21 September 2017 at 14:05');
    const midnight = new Date(2018, 0, 2, 0, 7).getTime();
    expect(formatMoment(midnight)).toBe('2 January 2018 at 00:07');
  });

  it('counts in words', () => {
    expect(countOf(1, 'member')).toBe('1 member');
    expect(countOf(0, 'warning')).toBe('0 warnings');
  });
});

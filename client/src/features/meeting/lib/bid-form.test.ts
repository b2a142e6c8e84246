import { MeetingCommand } from '@setboard/shared';
import { describe, expect, it } from 'vitest';
import { checkBid, checkBreakMinutes, parseWholeMinutes } from './bid-form';

describe('the bid form', () => {
  it('makes a bid:place the server’s schema accepts', () => {
    const checked = checkBid({ synopsis: '  Winter\nrota  pressures ', minutes: ' 30 ' }, null);
    expect(checked).toEqual({
      ok: true,
      command: { type: 'bid:place', synopsis: 'Winter rota pressures', minutes: 30 },
    });
    if (checked.ok) expect(MeetingCommand.safeParse(checked.command).success).toBe(true);
  });

  it('asks for a synopsis and minutes from 5 to 90', () => {
    expect(checkBid({ synopsis: ' ', minutes: '4' }, null)).toEqual({
      ok: false,
      errors: {
        synopsis: 'Enter a one-line synopsis of the issue you want to bring',
        minutes: 'Enter the minutes you want as a whole number from 5 to 90',
      },
    });
    for (const minutes of ['91', '12.5', 'ten', '']) {
      expect(checkBid({ synopsis: 'Rota', minutes }, null).ok, minutes).toBe(false);
    }
    expect(checkBid({ synopsis: 'Rota', minutes: '90' }, null).ok).toBe(true);
  });

  it('says how far over 200 characters a synopsis is', () => {
    expect(checkBid({ synopsis: 'x'.repeat(203), minutes: '20' }, null)).toMatchObject({
      errors: { synopsis: 'Synopsis must be 200 characters or fewer (you have 3 too many)' },
    });
  });

  it('uses the set’s equal time instead of the typed minutes', () => {
    expect(checkBid({ synopsis: 'Rota', minutes: '' }, 40)).toMatchObject({
      ok: true,
      command: { minutes: 40 },
    });
  });

  it('checks a break’s length', () => {
    expect(checkBreakMinutes('10')).toEqual({ ok: true, minutes: 10 });
    expect(checkBreakMinutes('0').ok).toBe(false);
    expect(checkBreakMinutes('61').ok).toBe(false);
    expect(parseWholeMinutes('007', 1, 60)).toBe(7);
  });
});

import { ProfileInput } from '@setboard/shared';
import { describe, expect, it } from 'vitest';
import { errorsFromIssues, errorsFromZod, fieldId, summariseErrors } from './form-errors';

describe('form errors', () => {
  it('turns dotted paths into element ids', () => {
    expect(fieldId('meetings.0.endTime')).toBe('meetings-0-endTime');
    expect(fieldId('name')).toBe('name');
  });

  it('keeps the first message for each field', () => {
    expect(
      errorsFromIssues([
        { path: 'name', message: 'Enter a name' },
        { path: 'name', message: 'Too long' },
        { path: 'purpose', message: 'Enter a purpose' },
      ]),
    ).toEqual({ name: 'Enter a name', purpose: 'Enter a purpose' });
  });

  it('reads a zod error with the paths the server would report', () => {
    const parsed = ProfileInput.safeParse({
      name: '',
      organisation: 'Trust',
      jobTitle: 'Head',
      band: 'band_99',
    });
    if (parsed.success) throw new Error('expected the profile to be refused');
    expect(errorsFromZod(parsed.error)).toEqual({
      name: 'Enter your name',
      band: 'Choose a band',
    });
  });

  it('orders the summary as the fields appear, unknown fields last', () => {
    const errors = { band: 'Choose a band', other: 'Odd', name: 'Enter your name' };
    expect(summariseErrors(errors, ['name', 'organisation', 'band'])).toEqual([
      { fieldId: 'name', message: 'Enter your name' },
      { fieldId: 'band', message: 'Choose a band' },
      { fieldId: null, message: 'Odd' },
    ]);
  });
});

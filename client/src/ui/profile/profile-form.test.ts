import { describe, expect, it } from 'vitest';
import { EMPTY_PROFILE, PROFILE_FIELD_ORDER, checkProfile } from './profile-form';

describe('checkProfile', () => {
  it('explains every missing field with the request path', () => {
    const result = checkProfile(EMPTY_PROFILE, { askBand: true });
    expect(result).toEqual({
      ok: false,
      errors: {
        'profile.name': 'Enter your name',
        'profile.organisation': 'Enter your organisation',
        'profile.jobTitle': 'Enter your job title',
        'profile.band': 'Choose a band',
      },
    });
    if (!result.ok) {
      for (const path of Object.keys(result.errors)) expect(PROFILE_FIELD_ORDER).toContain(path);
    }
  });

  it('asks no band of someone not joining as a member, and sends none', () => {
    const result = checkProfile(
      {
        ...EMPTY_PROFILE,
        name: 'Fran',
        organisation: 'A Trust',
        jobTitle: 'Facilitator',
        band: 'band_9',
      },
      { askBand: false },
    );
    expect(result.ok && result.profile.band).toBe(null);
    expect(checkProfile(EMPTY_PROFILE, { askBand: false })).not.toHaveProperty([
      'errors',
      'profile.band',
    ]);
  });

  it('trims a complete profile', () => {
    const result = checkProfile(
      {
        name: ' Asha Patel ',
        organisation: 'North Trust',
        jobTitle: 'Head of Service',
        band: 'band_8c',
        bio: '',
      },
      { askBand: true },
    );
    expect(result).toEqual({
      ok: true,
      profile: {
        name: 'Asha Patel',
        organisation: 'North Trust',
        jobTitle: 'Head of Service',
        band: 'band_8c',
        bio: '',
      },
    });
  });
});

import { type Band, MemberProfileInput, ProfileInput } from '@setboard/shared';
import { type FieldErrors, errorsFromZod } from '../form-errors';

/** What the profile fields hold while someone types: strings, and no band until chosen. */
export interface ProfileDraft {
  name: string;
  organisation: string;
  jobTitle: string;
  band: Band | '';
  bio: string;
}

export const EMPTY_PROFILE: ProfileDraft = {
  name: '',
  organisation: '',
  jobTitle: '',
  band: '',
  bio: '',
};

/** Where the profile sits in every request that carries one (`SetupRequest`, redemption). */
export const PROFILE_PATH = 'profile';

/** The fields in page order, as dotted paths, for the error summary. */
export const PROFILE_FIELD_ORDER = ['name', 'organisation', 'jobTitle', 'band', 'bio'].map(
  (field) => `${PROFILE_PATH}.${field}`,
);

/**
 * Checks the draft with the same schema the server uses, so most mistakes are explained
 * without a round trip. Errors carry the request's paths (`profile.name`). The band is checked
 * (and sent) only when it was asked for (`givesBand`).
 */
export function checkProfile(
  draft: ProfileDraft,
  { askBand }: { askBand: boolean },
): { ok: true; profile: ProfileInput } | { ok: false; errors: FieldErrors } {
  const parsed = askBand
    ? MemberProfileInput.safeParse(draft)
    : ProfileInput.safeParse({ ...draft, band: null });
  if (parsed.success) return { ok: true, profile: parsed.data };
  const errors = errorsFromZod(parsed.error);
  return {
    ok: false,
    errors: Object.fromEntries(
      Object.entries(errors).map(([path, message]) => [`${PROFILE_PATH}.${path}`, message]),
    ),
  };
}

import { BANDS, type Band, bandLabel } from '@setboard/shared';
import { RadiosField, TextAreaField, TextField } from '../fields';
import type { FieldErrors } from '../form-errors';
import { PROFILE_PATH, type ProfileDraft } from './profile-form';

interface ProfileFieldsProps {
  draft: ProfileDraft;
  onChange: (draft: ProfileDraft) => void;
  errors: FieldErrors;
  /** Whether to ask for the band: only of members (`givesBand`). */
  askBand: boolean;
}

const BAND_CHOICES = BANDS.map((band) => ({ value: band, label: bandLabel(band) }));

/**
 * Name, organisation, job title, a member's band and a short bio: how a person appears in their
 * sets.
 */
export function ProfileFields({ draft, onChange, errors, askBand }: ProfileFieldsProps) {
  const set = <K extends keyof ProfileDraft>(key: K) => {
    return (value: ProfileDraft[K]) => onChange({ ...draft, [key]: value });
  };
  const path = (field: keyof ProfileDraft): string => `${PROFILE_PATH}.${field}`;
  return (
    <>
      <TextField
        path={path('name')}
        label="Full name"
        value={draft.name}
        onChange={set('name')}
        error={errors[path('name')]}
        autoComplete="name"
        spellCheck={false}
      />
      <TextField
        path={path('organisation')}
        label="Organisation"
        hint="For example, the NHS trust you work for."
        value={draft.organisation}
        onChange={set('organisation')}
        error={errors[path('organisation')]}
        autoComplete="organization"
      />
      <TextField
        path={path('jobTitle')}
        label="Job title"
        value={draft.jobTitle}
        onChange={set('jobTitle')}
        error={errors[path('jobTitle')]}
        autoComplete="organization-title"
      />
      {askBand && (
        <RadiosField<Band>
          path={path('band')}
          label="Band"
          hint="Your Agenda for Change band. It helps the organiser make sure people in a set have broadly similar levels of responsibility."
          choices={BAND_CHOICES}
          value={draft.band}
          onChange={set('band')}
          error={errors[path('band')]}
        />
      )}
      <TextAreaField
        path={path('bio')}
        label="Short bio (optional)"
        hint="A few lines for the others in your set: your role, and what you hope to get from the set. Up to 1,000 characters."
        value={draft.bio}
        onChange={set('bio')}
        error={errors[path('bio')]}
        rows={4}
      />
    </>
  );
}

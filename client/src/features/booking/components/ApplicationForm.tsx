import { BANDS, BookingApplied, bandLabel, type Band } from '@setboard/shared';
import { type FormEvent, useState } from 'react';
import { apiRequest } from '../../../api/api-request';
import { toApiError } from '../../../api/api-error';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import {
  ButtonGroup,
  ErrorMessage,
  RadiosField,
  TextAreaField,
  TextField,
} from '../../../ui/fields';
import { fieldId, summariseErrors } from '../../../ui/form-errors';
import { errorsFromApi, useFormErrors } from '../../../ui/use-form-errors';

const BAND_CHOICES = BANDS.map((band) => ({ value: band, label: bandLabel(band) }));
const FIELD_ORDER = ['name', 'organisation', 'jobTitle', 'band', 'hopes', 'email', 'canCommit'];

interface Draft {
  name: string;
  organisation: string;
  jobTitle: string;
  band: Band | '';
  hopes: string;
  email: string;
  canCommit: boolean;
}

const EMPTY: Draft = {
  name: '',
  organisation: '',
  jobTitle: '',
  band: '',
  hopes: '',
  email: '',
  canCommit: false,
};

/** The booking form: who you are, what you hope to bring, and that you can commit to the dates. */
export function ApplicationForm({
  code,
  commitment,
  onApplied,
}: {
  code: string;
  commitment: string;
  onApplied: (statusUrl: string) => void;
}) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [sending, setSending] = useState(false);
  const form = useFormErrors();
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((current) => ({ ...current, [key]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSending(true);
    try {
      const body = { ...draft, ...(draft.canCommit ? {} : { canCommit: false }) };
      const reply = await apiRequest('POST', `/api/bookings/${code}/applications`, {
        body,
        schema: BookingApplied,
      });
      form.clear();
      onApplied(reply.statusUrl);
    } catch (error) {
      form.fail(errorsFromApi(toApiError(error)));
    } finally {
      setSending(false);
    }
  };
  const { errors } = form;
  const commitId = fieldId('canCommit');
  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="booking-form">
      <ErrorSummary items={summariseErrors(errors, FIELD_ORDER)} attempt={form.attempt} />
      <h2 className="nhsuk-heading-m">Book a place</h2>
      <p className="nhsuk-body">
        You do not need an account. Only the set’s organiser and facilitator see what you write
        here; other applicants never do.
      </p>
      <TextField
        path="name"
        label="Full name"
        value={draft.name}
        onChange={set('name')}
        error={errors.name}
        autoComplete="name"
        spellCheck={false}
      />
      <TextField
        path="organisation"
        label="Trust or organisation"
        value={draft.organisation}
        onChange={set('organisation')}
        error={errors.organisation}
        autoComplete="organization"
      />
      <TextField
        path="jobTitle"
        label="Job title"
        value={draft.jobTitle}
        onChange={set('jobTitle')}
        error={errors.jobTitle}
        autoComplete="organization-title"
      />
      <RadiosField<Band>
        path="band"
        label="Band"
        hint="Your Agenda for Change band: it helps the organiser bring together people with similar levels of responsibility."
        choices={BAND_CHOICES}
        value={draft.band}
        onChange={set('band')}
        error={errors.band}
      />
      <TextAreaField
        path="hopes"
        label="What you hope to bring and gain"
        hint="A few lines. Up to 1,000 characters."
        value={draft.hopes}
        onChange={set('hopes')}
        error={errors.hopes}
        rows={4}
      />
      <TextField
        path="email"
        label="Email address"
        hint="We use it only about this booking and, if you get a place, for your invitation."
        type="email"
        value={draft.email}
        onChange={set('email')}
        error={errors.email}
        autoComplete="email"
        spellCheck={false}
      />
      <div
        className={
          errors.canCommit ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'
        }
      >
        <ErrorMessage id={commitId} message={errors.canCommit} />
        <div className="nhsuk-checkboxes">
          <div className="nhsuk-checkboxes__item">
            <input
              className="nhsuk-checkboxes__input"
              id={commitId}
              name="canCommit"
              type="checkbox"
              checked={draft.canCommit}
              onChange={(event) => set('canCommit')(event.target.checked)}
              aria-describedby={errors.canCommit ? `${commitId}-error` : undefined}
            />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={commitId}>
              I can commit to the dates: {commitment}
            </label>
          </div>
        </div>
      </div>
      <ButtonGroup>
        <button type="submit" className="nhsuk-button" disabled={sending}>
          Send my booking
        </button>
      </ButtonGroup>
    </form>
  );
}

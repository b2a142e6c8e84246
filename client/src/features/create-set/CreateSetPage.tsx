import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { toApiError } from '../../api/api-error';
import { useSession } from '../../session/session-context';
import { BackLink } from '../../ui/BackLink';
import type { DateParts } from '../../ui/date-parts';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { ButtonGroup, TextAreaField, TextField } from '../../ui/fields';
import { flashState } from '../../ui/flash';
import { summariseErrors } from '../../ui/form-errors';
import { NoAccessPage, SignInNeededPage } from '../../ui/problem-pages';
import { PageHeading } from '../../ui/route-focus';
import { errorsFromApi, useFormErrors } from '../../ui/use-form-errors';
import { createSet } from './api/create-set-api';
import { MeetingsFields } from './components/MeetingsFields';
import { SettingsFields } from '../../ui/set-form/SettingsFields';
import {
  type CreateSetDraft,
  EMPTY_CREATE_SET_DRAFT,
  buildCreateSetRequest,
  errorsOnFields,
  fieldOrder,
  withFirstMeeting,
} from './lib/create-set-form';

/** `/organiser/sets/new`: an organiser creates a set. */
export function CreateSetPage() {
  const person = useSession().view.person;
  if (!person) return <SignInNeededPage />;
  if (!person.isOrganiser) return <NoAccessPage />;
  return <CreateSetForm />;
}

function CreateSetForm() {
  const navigate = useNavigate();
  const [draft, setDraft] = useState<CreateSetDraft>(EMPTY_CREATE_SET_DRAFT);
  const [busy, setBusy] = useState(false);
  const form = useFormErrors();

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const built = buildCreateSetRequest(draft);
    if (!built.ok) return form.fail(built.errors);
    setBusy(true);
    try {
      const set = await createSet(built.request);
      void navigate(`/sets/${set.id}`, {
        state: flashState(`${set.name} has been created. Now invite its facilitator and members.`),
      });
    } catch (error) {
      setBusy(false);
      form.fail(errorsOnFields(errorsFromApi(toApiError(error))));
    }
  };

  const setLaterDate = (index: number, date: DateParts): void =>
    setDraft({
      ...draft,
      laterDates: draft.laterDates.map((old, i) => (i === index ? date : old)),
    });

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to="/organiser">Back to the organiser dashboard</BackLink>
        <ErrorSummary
          items={summariseErrors(form.errors, fieldOrder(draft))}
          attempt={form.attempt}
        />
        <PageHeading>Create a set</PageHeading>
        <form noValidate onSubmit={(event) => void submit(event)}>
          <TextField
            path="name"
            label="Name of the set"
            hint="For example, Heads of Service 2026."
            value={draft.name}
            onChange={(name) => setDraft({ ...draft, name })}
            error={form.errors.name}
          />
          <TextAreaField
            path="purpose"
            label="Purpose"
            hint="What the set is for and who it is for. People see this when they are invited."
            value={draft.purpose}
            onChange={(purpose) => setDraft({ ...draft, purpose })}
            error={form.errors.purpose}
          />
          <MeetingsFields
            draft={draft}
            onFirstChange={(first) => setDraft(withFirstMeeting(draft, first))}
            onLaterDateChange={setLaterDate}
            errors={form.errors}
          />
          <SettingsFields draft={draft} onChange={setDraft} errors={form.errors} />
          <ButtonGroup>
            <button type="submit" className="nhsuk-button" disabled={busy}>
              Create set
            </button>
          </ButtonGroup>
        </form>
      </div>
    </div>
  );
}

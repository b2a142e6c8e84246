import { SetView } from '@setboard/shared';
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { toApiError } from '../../api/api-error';
import { useApiGet } from '../../api/use-api-get';
import { useSession } from '../../session/session-context';
import { BackLink } from '../../ui/BackLink';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { ButtonGroup, TextAreaField, TextField } from '../../ui/fields';
import { flashState } from '../../ui/flash';
import { summariseErrors } from '../../ui/form-errors';
import { setApiPath } from '../../ui/LoadedSet';
import { ApiProblemPage, Loading, NoAccessPage, SignInNeededPage } from '../../ui/problem-pages';
import { PageHeading } from '../../ui/route-focus';
import { SettingsFields } from '../../ui/set-form/SettingsFields';
import { errorsFromApi, useFormErrors } from '../../ui/use-form-errors';
import { updateSet } from './api/edit-set-api';
import { LifecycleControls } from './components/LifecycleControls';
import { MeetingPlanFields } from './components/MeetingPlanFields';
import {
  type EditSetDraft,
  buildUpdate,
  draftOf,
  fieldOrder,
  withAnotherMeeting,
} from './lib/edit-set-form';

/** `/sets/:setId/edit`: the facilitator or an organiser changes the set and runs its year. */
export function EditSetPage() {
  const { setId = '' } = useParams();
  const person = useSession().view.person;
  const { result, reload, replace } = useApiGet(setApiPath(setId), SetView);
  if (!person) return <SignInNeededPage />;
  if (result.state === 'failed') return <ApiProblemPage error={result.error} onRetry={reload} />;
  if (result.state === 'loading') return <Loading />;
  const set = result.data;
  if (set.viewerRole === 'member') return <NoAccessPage />;
  return <EditSetForm key={set.id} set={set} onChanged={replace} />;
}

function EditSetForm({ set, onChanged }: { set: SetView; onChanged: (set: SetView) => void }) {
  const navigate = useNavigate();
  const [draft, setDraft] = useState<EditSetDraft>(() => draftOf(set));
  const [busy, setBusy] = useState(false);
  const form = useFormErrors();
  const closed = set.lifecycle === 'closed';

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const built = buildUpdate(draft, set);
    if (!built.ok) return form.fail(built.errors);
    setBusy(true);
    try {
      const saved = await updateSet(set.id, built.request);
      void navigate(`/sets/${saved.id}`, {
        state: flashState('Your changes to the set are saved.'),
      });
    } catch (error) {
      setBusy(false);
      form.fail(errorsFromApi(toApiError(error)));
    }
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to={`/sets/${set.id}`}>Back to the set</BackLink>
        <ErrorSummary
          items={summariseErrors(form.errors, fieldOrder(draft))}
          attempt={form.attempt}
        />
        <PageHeading caption={set.name} title={`Change the set – ${set.name}`}>
          Change the set
        </PageHeading>
        <LifecycleControls
          set={set}
          onChanged={(changed, message) => {
            onChanged(changed);
            void navigate(`/sets/${changed.id}`, { state: flashState(message) });
          }}
        />
        {closed ? (
          <p className="nhsuk-body">Reopen the set to change its details, dates or settings.</p>
        ) : (
          <form noValidate onSubmit={(event) => void submit(event)}>
            <TextField
              path="name"
              label="Name of the set"
              value={draft.name}
              onChange={(name) => setDraft({ ...draft, name })}
              error={form.errors.name}
            />
            <TextAreaField
              path="purpose"
              label="Purpose"
              value={draft.purpose}
              onChange={(purpose) => setDraft({ ...draft, purpose })}
              error={form.errors.purpose}
            />
            <MeetingPlanFields
              draft={draft}
              progress={set.meetingProgress}
              errors={form.errors}
              onChange={(meetings) => setDraft({ ...draft, meetings })}
              onAdd={() => setDraft(withAnotherMeeting(draft))}
            />
            <SettingsFields draft={draft} onChange={setDraft} errors={form.errors} />
            <ButtonGroup>
              <button type="submit" className="nhsuk-button" disabled={busy}>
                Save changes
              </button>
            </ButtonGroup>
          </form>
        )}
      </div>
    </div>
  );
}

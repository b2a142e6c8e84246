import { type FormEvent, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { toApiError } from '../../api/api-error';
import { useSession } from '../../session/session-context';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { ButtonGroup } from '../../ui/fields';
import { flashState } from '../../ui/flash';
import { summariseErrors } from '../../ui/form-errors';
import { type LinkProblemCode, LinkProblemPage, isLinkProblem } from '../../ui/link-problems';
import { readLinkToken } from '../../ui/link-token';
import { ServiceProblemPage } from '../../ui/problem-pages';
import { ProfileFields } from '../../ui/profile/ProfileFields';
import {
  EMPTY_PROFILE,
  PROFILE_FIELD_ORDER,
  type ProfileDraft,
  checkProfile,
} from '../../ui/profile/profile-form';
import { PageHeading } from '../../ui/route-focus';
import { errorsFromApi, useFormErrors } from '../../ui/use-form-errors';
import { completeSetup } from './api/setup-api';

type Outcome = { kind: 'form' } | { kind: 'link'; code: LinkProblemCode } | { kind: 'broken' };

/** `/setup#<token>`: the first person becomes Setboard's first organiser. */
export function SetupPage() {
  const { hash } = useLocation();
  const navigate = useNavigate();
  const session = useSession();
  const [token] = useState(() => readLinkToken(hash));
  const [draft, setDraft] = useState<ProfileDraft>(EMPTY_PROFILE);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'form' });
  const form = useFormErrors();

  if (!token) return <LinkProblemPage code="link_unknown" context="setup" />;
  if (!session.view.setupPending)
    return <AlreadySetUp isOrganiser={session.view.person?.isOrganiser ?? false} />;
  if (outcome.kind === 'link') return <LinkProblemPage code={outcome.code} context="setup" />;
  if (outcome.kind === 'broken') return <ServiceProblemPage />;

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    // An organiser stands outside the set: only members give a band (`givesBand`).
    const checked = checkProfile(draft, { askBand: false });
    if (!checked.ok) return form.fail(checked.errors);
    setBusy(true);
    try {
      const view = await completeSetup({ token, profile: checked.profile });
      session.setView(view);
      // Replacing the entry takes the token out of the address bar and the history.
      void navigate('/organiser', {
        replace: true,
        state: flashState('Setboard is set up, and you are its first organiser.'),
      });
    } catch (error) {
      const apiError = toApiError(error);
      setBusy(false);
      if (isLinkProblem(apiError.code)) setOutcome({ kind: 'link', code: apiError.code });
      else if (apiError.isServiceProblem) setOutcome({ kind: 'broken' });
      else form.fail(errorsFromApi(apiError));
    }
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary
          items={summariseErrors(form.errors, PROFILE_FIELD_ORDER)}
          attempt={form.attempt}
        />
        <PageHeading>Set up Setboard</PageHeading>
        <p className="nhsuk-body">
          You are the first person here, so you will be Setboard’s first organiser. Organisers
          create sets, invite their members and facilitators, and can invite other organisers.
        </p>
        <p className="nhsuk-body">
          Organisers see who is in each set and when it meets, but never what is said or written in
          a set.
        </p>
        <form noValidate onSubmit={(event) => void submit(event)}>
          <h2 className="nhsuk-heading-m">About you</h2>
          <ProfileFields draft={draft} onChange={setDraft} errors={form.errors} askBand={false} />
          <ButtonGroup>
            <button type="submit" className="nhsuk-button" disabled={busy}>
              Set up Setboard
            </button>
          </ButtonGroup>
        </form>
      </div>
    </div>
  );
}

function AlreadySetUp({ isOrganiser }: { isOrganiser: boolean }) {
  return (
    <div data-testid="link-problem" data-code="link_used">
      <PageHeading>Setboard is already set up</PageHeading>
      <p className="nhsuk-body">
        The set-up link works once, and someone has already used it to become the first organiser.
      </p>
      {isOrganiser ? (
        <p className="nhsuk-body">
          <Link to="/organiser">Go to the organiser dashboard</Link>
        </p>
      ) : (
        <p className="nhsuk-body">To join, ask an organiser to send you an invitation link.</p>
      )}
    </div>
  );
}

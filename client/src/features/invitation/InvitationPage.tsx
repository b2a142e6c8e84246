import { givesBand, type InvitationPreview } from '@setboard/shared';
import { type FormEvent, useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { toApiError } from '../../api/api-error';
import { useSession } from '../../session/session-context';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { ConfirmStep } from '../../ui/ConfirmStep';
import { ButtonGroup } from '../../ui/fields';
import { flashState } from '../../ui/flash';
import { summariseErrors } from '../../ui/form-errors';
import { type LinkProblemCode, LinkProblemPage, isLinkProblem } from '../../ui/link-problems';
import { readLinkToken } from '../../ui/link-token';
import { Loading, ServiceProblemPage } from '../../ui/problem-pages';
import { ProfileFields } from '../../ui/profile/ProfileFields';
import {
  EMPTY_PROFILE,
  PROFILE_FIELD_ORDER,
  type ProfileDraft,
  checkProfile,
} from '../../ui/profile/profile-form';
import { PageHeading } from '../../ui/route-focus';
import { errorsFromApi, useFormErrors } from '../../ui/use-form-errors';
import { useNoReferrer } from '../../ui/use-no-referrer';
import { redeemInvitation } from './api/invitation-api';
import { InvitationDetails } from './components/InvitationDetails';
import { useInvitationPreview } from './hooks/use-invitation-preview';

type Outcome =
  | { kind: 'deciding' }
  | { kind: 'declined' }
  | { kind: 'link'; code: LinkProblemCode }
  | { kind: 'broken' };

/** `/invitation#<token>`: see what you are invited to, then accept or decline. */
export function InvitationPage() {
  useNoReferrer();
  const { hash } = useLocation();
  const [token] = useState(() => readLinkToken(hash));
  const preview = useInvitationPreview(token);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'deciding' });

  if (outcome.kind === 'declined') return <Declined />;
  if (outcome.kind === 'link') return <LinkProblemPage code={outcome.code} context="invitation" />;
  if (outcome.kind === 'broken') return <ServiceProblemPage />;
  if (!token) return <LinkProblemPage code="link_unknown" context="invitation" />;
  if (preview.state === 'loading') return <Loading />;
  if (preview.state === 'failed') {
    const { code } = preview.error;
    if (isLinkProblem(code)) return <LinkProblemPage code={code} context="invitation" />;
    return <ServiceProblemPage />;
  }
  // A sign-in link opened here by mistake: take it where it belongs.
  if (preview.preview.kind === 'sign_in') return <Navigate to={`/sign-in#${token}`} replace />;
  return <Decide token={token} preview={preview.preview} onOutcome={setOutcome} />;
}

interface DecideProps {
  token: string;
  preview: InvitationPreview;
  onOutcome: (outcome: Outcome) => void;
}

function Decide({ token, preview, onOutcome }: DecideProps) {
  const session = useSession();
  const navigate = useNavigate();
  const person = session.view.person;
  // Someone already signed in has told us about themselves: start from that.
  const [draft, setDraft] = useState<ProfileDraft>(() =>
    person
      ? {
          name: person.name,
          organisation: person.organisation,
          jobTitle: person.jobTitle,
          band: person.band ?? '',
          bio: person.bio,
        }
      : EMPTY_PROFILE,
  );
  const [busy, setBusy] = useState(false);
  // Declining cannot be undone (the link stops working), so it takes a second, deliberate click.
  const [confirmingDecline, setConfirmingDecline] = useState(false);
  const form = useFormErrors();
  const setName = preview.set?.name ?? null;
  // Only members are asked their band; someone who gave it before finds it filled in.
  const askBand = preview.kind !== 'sign_in' && givesBand(preview.kind);

  const fail = (error: unknown): void => {
    const apiError = toApiError(error);
    setBusy(false);
    if (isLinkProblem(apiError.code)) onOutcome({ kind: 'link', code: apiError.code });
    else if (apiError.isServiceProblem) onOutcome({ kind: 'broken' });
    else form.fail(errorsFromApi(apiError));
  };

  const accept = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const checked = checkProfile(draft, { askBand });
    if (!checked.ok) return form.fail(checked.errors);
    setBusy(true);
    try {
      const reply = await redeemInvitation({ token, decision: 'accept', profile: checked.profile });
      session.setView(reply.session);
      const message = setName ? `You have joined ${setName}.` : 'You are now an organiser.';
      // Replacing the entry takes the token out of the address bar and the history.
      void navigate(reply.setId ? `/sets/${reply.setId}` : '/organiser', {
        replace: true,
        state: flashState(message),
      });
    } catch (error) {
      fail(error);
    }
  };

  const decline = async (): Promise<void> => {
    setBusy(true);
    try {
      await redeemInvitation({ token, decision: 'decline' });
      onOutcome({ kind: 'declined' });
      void navigate({ hash: '' }, { replace: true });
    } catch (error) {
      fail(error);
    }
  };

  const heading = setName ? `Join ${setName}` : 'Become a Setboard organiser';
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary
          items={summariseErrors(form.errors, PROFILE_FIELD_ORDER)}
          attempt={form.attempt}
        />
        <PageHeading caption="Invitation" title={heading}>
          {heading}
        </PageHeading>
        <InvitationDetails preview={preview} />
        <form noValidate onSubmit={(event) => void accept(event)}>
          <h2 className="nhsuk-heading-m">About you</h2>
          <p className="nhsuk-body">
            {setName
              ? 'The others in the set see this, so they know who they are working with.'
              : 'Other organisers and the people you invite see this.'}
          </p>
          <ProfileFields draft={draft} onChange={setDraft} errors={form.errors} askBand={askBand} />
          <ButtonGroup>
            <button type="submit" className="nhsuk-button" disabled={busy}>
              Accept invitation
            </button>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              disabled={busy}
              onClick={() => setConfirmingDecline(true)}
            >
              Decline invitation
            </button>
          </ButtonGroup>
          <p className="nhsuk-body-s">You do not need to fill in the form to decline.</p>
        </form>
        {confirmingDecline && (
          <ConfirmStep
            heading="Decline this invitation?"
            confirmLabel="Yes, decline the invitation"
            cancelLabel="No, go back"
            busy={busy}
            testId="confirm-decline"
            onConfirm={() => void decline()}
            onCancel={() => setConfirmingDecline(false)}
          >
            <p className="nhsuk-body">
              The link will stop working and {preview.invitedByName} will see that you declined. To
              join later you would need a new invitation.
            </p>
          </ConfirmStep>
        )}
      </div>
    </div>
  );
}

function Declined() {
  return (
    <>
      <PageHeading>You have declined the invitation</PageHeading>
      <p className="nhsuk-body">
        The person who invited you will see that you declined. The link no longer works.
      </p>
      <p className="nhsuk-body">If you change your mind, ask them for a new invitation.</p>
      <p className="nhsuk-body">
        <Link to="/">Go to the Setboard home page</Link>
      </p>
    </>
  );
}

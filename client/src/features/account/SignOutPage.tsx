import { useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { useSession } from '../../session/session-context';
import { flashState } from '../../ui/flash';
import { PageHeading } from '../../ui/route-focus';

/**
 * `/sign-out`: reached from the header's Sign out when signing out would leave the person with
 * no way back in by themselves (no passkey, no e-mail address Setboard can send a link to).
 */
export function SignOutPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  const person = session.view.person;
  // While signing out the person is already gone; the page then leaves with its own message.
  if (!person) return state === 'idle' ? <Navigate to="/" replace /> : null;

  const signOut = async () => {
    setState('busy');
    try {
      await session.signOut();
      void navigate('/', { state: flashState('You have signed out.') });
    } catch {
      setState('failed');
    }
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading>Before you sign out</PageHeading>
        <div className="nhsuk-warning-callout">
          <h2 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>
              You will need a new sign-in link to come back
            </span>
          </h2>
          <p>
            {session.view.mailEnabled
              ? 'You have no e-mail address on Setboard, so you cannot sign yourself back in.'
              : 'This Setboard does not send mail, so you cannot sign yourself back in.'}{' '}
            {person.isOrganiser
              ? 'You would need a sign-in link from another organiser, or from whoever runs the server.'
              : 'You would need a new sign-in link from your facilitator.'}
          </p>
        </div>
        {session.view.mailEnabled && (
          <p className="nhsuk-body">
            <Link to="/account">Add your e-mail address first</Link>
          </p>
        )}
        <div className="nhsuk-button-group">
          <button
            type="button"
            className="nhsuk-button nhsuk-button--warning"
            disabled={state === 'busy'}
            onClick={() => void signOut()}
          >
            Sign out anyway
          </button>
          <Link className="nhsuk-link" to="/">
            Stay signed in
          </Link>
        </div>
        {state === 'failed' && (
          <p className="nhsuk-error-message" role="alert">
            We could not sign you out. Check your connection, then try again.
          </p>
        )}
      </div>
    </div>
  );
}

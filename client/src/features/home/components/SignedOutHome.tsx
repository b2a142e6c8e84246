import { Link } from 'react-router';
import { PasskeySignIn } from '../../../session/PasskeySignIn';
import { PageHeading } from '../../../ui/route-focus';

/** For someone with no session on this device: how to get in. */
export function SignedOutHome({ setupPending }: { setupPending: boolean }) {
  return (
    <>
      <PageHeading title="Welcome">Setboard</PageHeading>
      <p className="nhsuk-lede-text">
        A shared workspace for action learning sets: the facilitator and members of a set meet, ask
        questions and keep track of their actions here.
      </p>
      {setupPending ? (
        <div className="nhsuk-inset-text" data-testid="setup-pending">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            Setboard has not been set up yet. Whoever runs the server can find the set-up link in
            its log (every instance prints the same one until the first organiser has used it), or
            print it with “npm run admin -- setup-link”.
          </p>
        </div>
      ) : (
        <section aria-labelledby="passkey-heading">
          <h2 className="nhsuk-heading-m" id="passkey-heading">
            Already in a set?
          </h2>
          <p className="nhsuk-body">
            If you have added a passkey to your Setboard account, you can sign in with it. There is
            nothing to type: your device asks you to confirm it is you.
          </p>
          <PasskeySignIn />
        </section>
      )}
      <h2 className="nhsuk-heading-m">How to join a set</h2>
      <p className="nhsuk-body">
        You need an invitation link from your set’s organiser or facilitator. Open it on this device
        and it signs you in.
      </p>
      <h2 className="nhsuk-heading-m">Using a new device</h2>
      <p className="nhsuk-body">
        If you are already in a set, <Link to="/sign-in">sign in</Link>: with a passkey, with an
        e-mailed link where Setboard sends mail, or with a sign-in link from your facilitator.
      </p>
    </>
  );
}

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
            Setboard has not been set up yet. Whoever runs the server can find a set-up link in its
            log: it prints one each time it starts, until the first organiser has used it.
          </p>
        </div>
      ) : null}
      <h2 className="nhsuk-heading-m">How to join a set</h2>
      <p className="nhsuk-body">
        You need an invitation link from your set’s organiser or facilitator. Open it on this device
        and it signs you in.
      </p>
      <h2 className="nhsuk-heading-m">Using a new device</h2>
      <p className="nhsuk-body">
        If you are already in a set, ask your facilitator or organiser for a sign-in link for this
        device.
      </p>
    </>
  );
}

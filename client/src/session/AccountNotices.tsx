import type { SessionView } from '@setboard/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatMoment } from '../ui/format';
import { PasskeyOffer } from './PasskeyOffer';
import { useSession } from './session-context';

/**
 * What a person must see on whatever page they are on: the recovery code made for them just now
 * (shown once), then the offer of a passkey; and sign-ins as them with links someone else issued.
 */
export function AccountNotices() {
  const { view, setView } = useSession();
  const notices = view.account?.signInNotices ?? [];
  // A recovery code arrives only with a session that has just joined: then a passkey is offered.
  const [offer, setOffer] = useState<'none' | 'due' | 'closed'>('none');
  if (view.newRecoveryCode && offer === 'none') setOffer(view.account?.passkeys ? 'closed' : 'due');
  const offerPasskey = offer === 'due' && !view.newRecoveryCode;
  return (
    <>
      {view.newRecoveryCode && (
        <RecoveryCodePanel code={view.newRecoveryCode} onKept={() => setView(withoutCode(view))} />
      )}
      {offerPasskey && <PasskeyOffer onClose={() => setOffer('closed')} />}
      {notices.length > 0 && (
        <div
          className="nhsuk-notification-banner"
          role="region"
          aria-labelledby="sign-in-notices-title"
          data-testid="sign-in-notices"
        >
          <div className="nhsuk-notification-banner__header">
            <h2 className="nhsuk-notification-banner__title" id="sign-in-notices-title">
              Important
            </h2>
          </div>
          <div className="nhsuk-notification-banner__content">
            <p className="nhsuk-notification-banner__heading">
              Someone signed in as you with a link another person issued
            </p>
            <ul className="nhsuk-list nhsuk-list--bullet">
              {notices.map((notice) => (
                <li key={notice.id}>
                  {formatMoment(notice.at)}: a link {notice.issuedByName} issued on{' '}
                  {formatMoment(notice.issuedAt)}.
                </li>
              ))}
            </ul>
            <p className="nhsuk-body">
              If that was you, there is nothing to do. If not, tell your organiser.{' '}
              <Link to="/account">Review this in your account</Link>
            </p>
          </div>
        </div>
      )}
    </>
  );
}

function withoutCode(view: SessionView): SessionView {
  const rest = { ...view };
  delete rest.newRecoveryCode;
  return rest;
}

/** The one time a recovery code is shown. */
export function RecoveryCodePanel({ code, onKept }: { code: string; onKept: () => void }) {
  return (
    <div
      className="nhsuk-notification-banner"
      role="region"
      aria-labelledby="recovery-code-title"
      data-testid="recovery-code"
    >
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id="recovery-code-title">
          Keep your recovery code
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <p className="nhsuk-notification-banner__heading">
          Your recovery code is <code data-testid="recovery-code-value">{code}</code>
        </p>
        <p className="nhsuk-body">
          Write it down or keep it in a password manager. It proves it is you if you ever sign in
          with a link someone else gave you, and works once. You will not see it again, but you can
          make a new one under “Your account”.
        </p>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onKept}>
          I have kept it
        </button>
      </div>
    </div>
  );
}

import { useState } from 'react';
import { Link } from 'react-router';
import { addPasskey, suggestedPasskeyName } from './passkey-ceremonies';
import { passkeysSupported, problemText } from './passkey-support';
import { useSession } from './session-context';

/**
 * Offered once, right after someone joins (an invitation accepted, set-up completed): a passkey
 * on this device, so coming back needs no link.
 */
export function PasskeyOffer({ onClose }: { onClose: () => void }) {
  const { setView } = useSession();
  const [added, setAdded] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!passkeysSupported()) return null;
  const add = async () => {
    setBusy(true);
    const name = suggestedPasskeyName();
    try {
      setView((await addPasskey(name)).session);
      setAdded(name);
      setError(null);
    } catch (failure) {
      setError(problemText(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div
      className="nhsuk-notification-banner"
      role="region"
      aria-labelledby="passkey-offer-title"
      data-testid="passkey-offer"
    >
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id="passkey-offer-title">
          Coming back
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        {added ? (
          <>
            <p className="nhsuk-notification-banner__heading" role="status">
              Passkey added as “{added}”
            </p>
            <p className="nhsuk-body">
              Next time, choose “Sign in with a passkey” on the home page. You can rename or remove
              it under <Link to="/account">Your account</Link>.
            </p>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              onClick={onClose}
            >
              Done
            </button>
          </>
        ) : (
          <>
            <p className="nhsuk-notification-banner__heading">
              Add a passkey to sign in again without a link
            </p>
            <p className="nhsuk-body">
              Your device checks it is you with your fingerprint, face or screen lock. Your
              fingerprint or face never leaves your device.
            </p>
            {error && (
              <div className="nhsuk-inset-text" role="alert">
                <p>{error}</p>
              </div>
            )}
            <div className="nhsuk-button-group">
              <button
                type="button"
                className="nhsuk-button"
                disabled={busy}
                onClick={() => void add()}
              >
                Add a passkey
              </button>
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary"
                onClick={onClose}
              >
                Not now
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}

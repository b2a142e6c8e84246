import { useState } from 'react';
import { passkeysSupported, problemText } from './passkey-support';
import { useSession } from './session-context';

/**
 * "Sign in with a passkey": no name or address to type; the device offers the passkeys it holds
 * for Setboard. On success the page shows the person's sets (the session view changes).
 */
export function PasskeySignIn({
  label = 'Sign in with a passkey',
  onSignedIn,
}: {
  label?: string;
  onSignedIn?: () => void;
}) {
  const { setView } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!passkeysSupported()) return null;
  const signIn = async () => {
    setBusy(true);
    setError(null);
    try {
      // Loaded on demand: the home page carries only this button.
      const { signInWithPasskey } = await import('./passkey-ceremonies');
      setView(await signInWithPasskey());
      onSignedIn?.();
    } catch (failure) {
      setError(problemText(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="passkey-sign-in">
      {error && (
        <div className="nhsuk-inset-text" role="alert">
          <p>{error}</p>
        </div>
      )}
      <button type="button" className="nhsuk-button" disabled={busy} onClick={() => void signIn()}>
        {label}
      </button>
    </div>
  );
}

import { useState } from 'react';
import { Outlet, useNavigate } from 'react-router';
import { ConnectionStatus } from '../realtime/ConnectionStatus';
import { RealtimeProvider } from '../realtime/RealtimeProvider';
import { useSession } from '../session/session-context';
import { flashState } from '../ui/flash';
import { RouteFocusProvider } from '../ui/route-focus';
import { AppHeader } from './AppHeader';
import { Frame } from './Frame';

/**
 * Every page's frame once the session is known. The realtime connection is open only while
 * someone is signed in (the server refuses anonymous handshakes), and reopens for a new person.
 */
export function Layout() {
  const session = useSession();
  const navigate = useNavigate();
  const person = session.view.person;
  const [signOut, setSignOut] = useState<'idle' | 'busy' | 'failed'>('idle');

  const onSignOut = async (): Promise<void> => {
    setSignOut('busy');
    try {
      await session.signOut();
      setSignOut('idle');
      void navigate('/', { state: flashState('You have signed out.') });
    } catch {
      setSignOut('failed');
    }
  };

  const header = (
    <AppHeader
      personName={person?.name ?? null}
      onSignOut={() => void onSignOut()}
      signingOut={signOut === 'busy'}
    />
  );
  return (
    <RealtimeProvider sessionKey={person?.id ?? null}>
      <RouteFocusProvider>
        <Frame header={header}>
          {person && <ConnectionStatus />}
          {signOut === 'failed' && (
            <p className="nhsuk-error-message" role="alert">
              We could not sign you out. Check your connection, then try again.
            </p>
          )}
          <Outlet />
        </Frame>
      </RouteFocusProvider>
    </RealtimeProvider>
  );
}

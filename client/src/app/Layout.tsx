import { lazy, Suspense, useState } from 'react';
import { Outlet, useNavigate } from 'react-router';
import { ConnectionStatus } from '../realtime/ConnectionStatus';
import { RealtimeProvider } from '../realtime/RealtimeProvider';
import { useSession } from '../session/session-context';
import { signOutLeavesNoWayBack } from '../session/ways-back-in';
import { flashState } from '../ui/flash';
import { RouteFocusProvider } from '../ui/route-focus';
import { AppHeader } from './AppHeader';
import { Frame } from './Frame';

// Only for someone signed in: kept out of the signed-out pages' first load (the bundle budget).
const AccountNotices = lazy(() =>
  import('../session/AccountNotices').then((module) => ({ default: module.AccountNotices })),
);

const NotificationsLink = lazy(() =>
  import('./NotificationsLink').then((module) => ({ default: module.NotificationsLink })),
);

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
    // Someone with no way back by themselves is warned first (docs/security.md, "Recovery").
    if (signOutLeavesNoWayBack(session.view)) {
      void navigate('/sign-out');
      return;
    }
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
      {...(person
        ? {
            notifications: (
              <Suspense fallback={null}>
                <NotificationsLink key={person.id} />
              </Suspense>
            ),
          }
        : {})}
    />
  );
  return (
    <RealtimeProvider sessionKey={person?.id ?? null}>
      <RouteFocusProvider>
        <Frame header={header}>
          {person && <ConnectionStatus />}
          {person && (
            <Suspense fallback={null}>
              <AccountNotices />
            </Suspense>
          )}
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

import { SessionView } from '@setboard/shared';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { useApiGet } from '../api/use-api-get';
import { SESSION_PATH, signOut } from './session-api';
import { dropAllLocalCopies, dropStaleCopiesOf } from '../realtime/local-copy-store';
import { type Session, SessionContext } from './session-context';

interface SessionProviderProps {
  children: ReactNode;
  /** What to show until the server has said who is signed in (`retry` once asking failed). */
  pending: (failure: { retry: () => void } | null) => ReactNode;
}

/**
 * Asks the server once who is signed in, then keeps the answer: pages that sign someone in or
 * out report the new session here, so every page agrees without asking again.
 */
export function SessionProvider({ children, pending }: SessionProviderProps) {
  const { result, reload } = useApiGet(SESSION_PATH, SessionView);
  const [changed, setChanged] = useState<SessionView | null>(null);

  const setView = useCallback((view: SessionView) => setChanged(view), []);
  const view = changed ?? (result.state === 'ready' ? result.data : null);
  const mailEnabled = view?.mailEnabled ?? false;
  // Nothing of a set's words stays in this browser once its person has signed out or erased
  // their account.
  const forget = useCallback(async () => {
    await dropAllLocalCopies();
    setChanged({ person: null, setupPending: false, mailEnabled, account: null });
  }, [mailEnabled]);
  const endSession = useCallback(async () => {
    await signOut();
    await forget();
  }, [forget]);
  // Every copy this person keeps here is checked once per visit (erased words must not linger).
  const personId = view?.person?.id ?? null;
  useEffect(() => {
    if (personId) void dropStaleCopiesOf(personId);
  }, [personId]);

  const session = useMemo<Session | null>(
    () => (view ? { view, setView, signOut: endSession, forget } : null),
    [view, setView, endSession, forget],
  );

  if (!session) return pending(result.state === 'failed' ? { retry: reload } : null);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

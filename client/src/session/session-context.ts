import type { SessionView } from '@setboard/shared';
import { createContext, useContext } from 'react';

export interface Session {
  /** Who is signed in on this browser (`person: null` when nobody is). */
  view: SessionView;
  /** Records the session a sign-in, set-up or redemption answered with. */
  setView: (view: SessionView) => void;
  /** Ends the session on the server and here. */
  signOut: () => Promise<void>;
  /** Forgets here a session the server has already ended (the account was erased). */
  forget: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

/** The current session; only valid inside `SessionProvider`. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}

/** The signed-in person, or null. */
export function useSignedInPerson(): SessionView['person'] {
  return useSession().view.person;
}

import { createContext, useContext } from 'react';
import type { ConnectionStore } from './connection-store';
import type { AppSocket } from './socket';

export interface Realtime {
  socket: AppSocket;
  connection: ConnectionStore;
}

export const RealtimeContext = createContext<Realtime | null>(null);

/** The app's socket and connection store; only valid inside `RealtimeProvider`. */
export function useRealtime(): Realtime {
  const realtime = useContext(RealtimeContext);
  if (!realtime) throw new Error('useRealtime must be used inside <RealtimeProvider>');
  return realtime;
}

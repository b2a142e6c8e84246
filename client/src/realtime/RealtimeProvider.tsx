import type { ServerNotice } from '@setboard/shared';
import { type ReactNode, useEffect, useState } from 'react';
import { ConnectionStore } from './connection-store';
import { type Realtime, RealtimeContext } from './realtime-context';
import { createSocket } from './socket';
import { watchSocketStatus } from './socket-status';

interface RealtimeProviderProps {
  children: ReactNode;
  /**
   * Who the connection is for (the signed-in person's id), or null to stay disconnected: the
   * server refuses handshakes without a session. A new value reconnects with the new session.
   */
  sessionKey: string | null;
}

/** Owns the page's one Socket.IO connection and the store every connection reports into. */
export function RealtimeProvider({ children, sessionKey }: RealtimeProviderProps) {
  // createSocket does not connect, so building it during render has no side effects; the
  // effect below connects and, on unmount, disconnects.
  const [realtime] = useState<Realtime>(() => ({
    socket: createSocket(),
    connection: new ConnectionStore(),
  }));

  useEffect(() => {
    if (sessionKey === null) return;
    const { socket, connection } = realtime;
    const stopWatching = watchSocketStatus(socket, (status) => connection.setSocketStatus(status));
    const onNotice = (notice: ServerNotice): void => connection.setNotice(notice);
    // A "restarting" notice has served its purpose once we are back.
    const onConnect = (): void => {
      if (connection.getSnapshot().notice?.kind === 'restarting') connection.setNotice(null);
    };
    // The server hangs up after telling us we lost access to a set (H5). Socket.IO does not
    // reconnect after a server-side disconnect, but this person may still be in other sets:
    // reconnect, and the handshake decides (a session that ended answers `unauthenticated`).
    const onDisconnect = (reason: string): void => {
      if (reason === 'io server disconnect') socket.connect();
    };
    // The browser knows at once when the network goes: say so at once, and try again the moment
    // it comes back, instead of waiting for pings to fail or for the reconnect back-off.
    const onBrowserOffline = (): void => {
      socket.disconnect();
    };
    const onBrowserOnline = (): void => {
      if (!socket.connected) socket.connect();
    };
    socket.on('server:notice', onNotice);
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    window.addEventListener('offline', onBrowserOffline);
    window.addEventListener('online', onBrowserOnline);
    socket.connect();
    return () => {
      window.removeEventListener('offline', onBrowserOffline);
      window.removeEventListener('online', onBrowserOnline);
      stopWatching();
      socket.off('server:notice', onNotice);
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.disconnect();
    };
  }, [realtime, sessionKey]);

  return <RealtimeContext.Provider value={realtime}>{children}</RealtimeContext.Provider>;
}

/**
 * When someone loses access to a set, or signs out, every live connection that access allowed
 * closes at once. For a set: every live connection they have through it closes at once,
 * on every instance: their Socket.IO connections (told why first) through the adapter's
 * cluster-wide rooms, and their /yjs connections to the set's documents through a server-side
 * event each instance acts on. Events can be missed (a dropped subscription) and sessions also end
 * on the clock, so each instance also runs the connection sweep (connection-sweep.ts).
 */
import { YjsCloseCode } from '@setboard/shared';
import type { AccessServices } from '../access/services.js';
import type { Logger } from '../logger.js';
import {
  sessionStillLive,
  membershipStillActive,
  startConnectionSweep,
  type ConnectionSweep,
} from './connection-sweep.js';
import type { DocRegistry } from './yjs/doc-registry.js';
import type { AppServer } from './app-server.js';
import { personRoom, sessionRoom } from './rooms.js';

export function wireAccessRevocation(
  io: AppServer,
  docs: DocRegistry,
  logger: Logger,
  /** Whether other instances share the adapter (only then is there anyone to tell). */
  clustered: boolean,
  sweep: { services: AccessServices; intervalMs?: number },
): {
  revokeAccess: (setId: string, personId: string) => void;
  endSession: (sessionKey: string) => void;
  sweep: ConnectionSweep;
} {
  const report = (error: unknown) =>
    logger.error({ err: error }, 'could not close doc connections');
  const closeDocConnections = (setId: string, personId: string) => {
    docs.closeConnectionsOf(setId, personId, YjsCloseCode.forbidden).catch(report);
  };
  const closeSessionDocs = (sessionKey: string) => {
    docs.closeSessionConnections(sessionKey, YjsCloseCode.unauthenticated).catch(report);
  };
  io.on('access:revoked', closeDocConnections);
  io.on('session:ended', closeSessionDocs);
  const revokeAccess = (setId: string, personId: string) => {
    closeDocConnections(setId, personId);
    if (clustered) io.serverSideEmit('access:revoked', setId, personId);
    const room = io.in(personRoom(personId));
    room.emit('access:revoked', { setId });
    room.disconnectSockets(true);
  };
  const endSession = (sessionKey: string) => {
    closeSessionDocs(sessionKey);
    if (clustered) io.serverSideEmit('session:ended', sessionKey);
    io.in(sessionRoom(sessionKey)).disconnectSockets(true);
  };
  const connectionSweep = startConnectionSweep({
    io,
    docs,
    admissions: sweep.services.docAdmissions,
    checks: [sessionStillLive(sweep.services.sessions), membershipStillActive(sweep.services.sets)],
    logger,
    ...(sweep.intervalMs ? { intervalMs: sweep.intervalMs } : {}),
  });
  return { revokeAccess, endSession, sweep: connectionSweep };
}

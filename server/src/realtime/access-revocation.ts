/**
 * When someone loses access to a set, or signs out, every live connection that access allowed
 * closes at once. For a set: every live connection they have through it closes at once,
 * on every instance: their Socket.IO connections (told why first) through the adapter's
 * cluster-wide rooms, and their /yjs connections to the set's documents through a server-side
 * event each instance acts on.
 */
import { YjsCloseCode } from '@setboard/shared';
import type { Logger } from '../logger.js';
import type { DocRegistry } from './yjs/doc-registry.js';
import { personRoom, sessionRoom, type AppServer } from './socket-server.js';

export function wireAccessRevocation(
  io: AppServer,
  docs: DocRegistry,
  logger: Logger,
  /** Whether other instances share the adapter (only then is there anyone to tell). */
  clustered: boolean,
): {
  revokeAccess: (setId: string, personId: string) => void;
  endSession: (sessionKey: string) => void;
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
  return { revokeAccess, endSession };
}

/**
 * The y-websocket endpoint at `/yjs/<doc name>`, on the same HTTP server as Express and
 * Socket.IO. It only claims upgrade requests under its path; Socket.IO handles its own.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { DocName, SOCKET_IO_PATH, YJS_PATH, YjsCloseCode } from '@setboard/shared';
import { pathOnly, type Logger } from '../../logger.js';
import type { Store } from '../../store/store.js';
import type { DocAdmission } from '../../access/realtime-access.js';
import { MergeWorker } from './merge-worker.js';
import { DocRegistry } from './doc-registry.js';
import type { WriteGate } from '../../boards/write-gate.js';
import type { StandingCheck } from '../../access/connection-standing.js';
import { serveYjsConnection } from './yjs-connection.js';
import {
  BoardLimits,
  DEFAULT_BOARD_LIMITS,
  largestSyncMessage,
  type BoardLimitSettings,
} from './board-limits.js';

/**
 * Board connections one person may hold open on one instance, across every doc (Y21). A page
 * holds up to four (set, meeting, slot, log); a few tabs stay well inside this.
 */
export const MAX_YJS_CONNECTIONS_PER_PERSON = 24;

export interface YjsEndpoint {
  registry: DocRegistry;
  /** Closes every connection (transient code: clients reconnect) once updates are stored. */
  close(): Promise<void>;
}

export interface YjsEndpointDeps {
  store: Store;
  logger: Logger;
  /** Judges every incoming update before anyone else sees it. */
  gate: WriteGate;
  now: () => number;
  /** Whether the handshake comes from our own site (checked before upgrading). */
  isAllowedOrigin: (request: IncomingMessage) => boolean;
  /** Whether open connections still stand (checked on every write and every update sent). */
  standing: StandingCheck;
  /** Whether the person behind the request may open the doc. */
  admit: (request: IncomingMessage, docName: string) => Promise<DocAdmission>;
  /** Each board's size limit and each person's daily allowance (default: Y22's figures). */
  boardLimits?: BoardLimitSettings;
  /** Told when a write was refused because its board is full. */
  onBoardFull?: (docName: string) => void;
}

export function attachYjsEndpoint(httpServer: HttpServer, deps: YjsEndpointDeps): YjsEndpoint {
  const log = deps.logger.child({ component: 'yjs' });
  const boardLimits = deps.boardLimits ?? DEFAULT_BOARD_LIMITS;
  const maxSyncBytes = largestSyncMessage(boardLimits);
  const merges = new MergeWorker();
  const registry = new DocRegistry({
    merge: merges.merge,
    store: deps.store,
    logger: log,
    gate: deps.gate,
    now: deps.now,
    standing: deps.standing,
    limits: new BoardLimits(boardLimits),
    ...(deps.onBoardFull ? { onBoardFull: deps.onBoardFull } : {}),
  });
  // Allow a little over the largest message we take (a re-sync's sync step 2, Y22) so an
  // oversized message is answered with our own close code (4413) rather than ws's generic 1009.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: maxSyncBytes + 1024,
  });
  const openPerPerson = new Map<string, number>();

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = pathOnly(request.url);
    if (path.startsWith(`${SOCKET_IO_PATH}/`)) return; // Socket.IO answers its own
    if (!path.startsWith(`${YJS_PATH}/`)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    if (!deps.isAllowedOrigin(request)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    const docName = DocName.safeParse(safeDecode(path.slice(YJS_PATH.length + 1)));
    // Admission is decided before upgrading: the client sends nothing until the upgrade
    // completes, so no message can slip past the check.
    const admission: Promise<DocAdmission> = docName.success
      ? deps.admit(request, docName.data)
      : Promise.resolve({
          ok: false,
          closeCode: YjsCloseCode.notFound,
          reason: 'no such document',
        });
    admission
      .catch((error: unknown): DocAdmission => {
        log.error({ err: error }, 'could not check access to a document');
        return { ok: false, closeCode: 1011, reason: 'try again' };
      })
      .then((admitted) => {
        wss.handleUpgrade(request, socket, head, (ws) => {
          if (!admitted.ok || !docName.success) {
            ws.close(
              admitted.ok ? YjsCloseCode.notFound : admitted.closeCode,
              admitted.ok ? '' : admitted.reason,
            );
            return;
          }
          const { personId } = admitted;
          const open = openPerPerson.get(personId) ?? 0;
          if (open >= MAX_YJS_CONNECTIONS_PER_PERSON) {
            ws.close(YjsCloseCode.tooManyConnections, 'too many connections');
            return;
          }
          openPerPerson.set(personId, open + 1);
          ws.once('close', () => {
            const left = (openPerPerson.get(personId) ?? 1) - 1;
            if (left > 0) openPerPerson.set(personId, left);
            else openPerPerson.delete(personId);
          });
          serveYjsConnection(ws, docName.data, {
            registry,
            logger: log,
            maxSyncBytes,
            stillAdmitted: async () => (await deps.admit(request, docName.data)).ok,
            identity: {
              personId: admitted.personId,
              displayName: admitted.displayName,
              sessionKey: admitted.sessionKey,
              setId: admitted.setId,
            },
          });
        });
      });
  };
  httpServer.on('upgrade', onUpgrade);

  return {
    registry,
    async close() {
      httpServer.off('upgrade', onUpgrade);
      await registry.close(YjsCloseCode.serviceRestart, 'server restarting');
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await merges.close();
    },
  };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

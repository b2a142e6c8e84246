/**
 * The y-websocket endpoint at `/yjs/<doc name>`, on the same HTTP server as Express and
 * Socket.IO. It only claims upgrade requests under its path; Socket.IO handles its own.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import {
  DocName,
  MAX_YJS_MESSAGE_BYTES,
  SOCKET_IO_PATH,
  YJS_PATH,
  YjsCloseCode,
} from '@setboard/shared';
import { pathOnly, type Logger } from '../../logger.js';
import type { Store } from '../../store/store.js';
import { DocRegistry } from './doc-registry.js';
import { serveYjsConnection } from './yjs-connection.js';

export interface YjsEndpoint {
  registry: DocRegistry;
  /** Closes every connection (transient code: clients reconnect) once updates are stored. */
  close(): Promise<void>;
}

export function attachYjsEndpoint(
  httpServer: HttpServer,
  deps: { store: Store; logger: Logger },
): YjsEndpoint {
  const log = deps.logger.child({ component: 'yjs' });
  const registry = new DocRegistry({ store: deps.store, logger: log });
  // Allow a little over the message cap so an oversized message is answered with our own close
  // code (4413) rather than ws's generic 1009.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_YJS_MESSAGE_BYTES + 1024 });

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = pathOnly(request.url);
    if (path.startsWith(`${SOCKET_IO_PATH}/`)) return; // Socket.IO answers its own
    if (!path.startsWith(`${YJS_PATH}/`)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    const docName = DocName.safeParse(safeDecode(path.slice(YJS_PATH.length + 1)));
    wss.handleUpgrade(request, socket, head, (ws) => {
      if (!docName.success) {
        ws.close(YjsCloseCode.notFound, 'no such document');
        return;
      }
      serveYjsConnection(ws, docName.data, { registry, logger: log });
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

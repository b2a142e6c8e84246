/**
 * `createApp(deps)` wires the whole server onto one HTTP server — Express, Socket.IO and the
 * y-websocket endpoint — and returns it without listening, so `main.ts` and tests decide where.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { ServerOptions } from 'socket.io';
import { createExpressApp } from './http/create-express-app.js';
import type { Logger } from './logger.js';
import { createSocketServer, type AppServer } from './realtime/socket-server.js';
import { attachYjsEndpoint } from './realtime/yjs/yjs-endpoint.js';
import type { DocRegistry } from './realtime/yjs/doc-registry.js';
import type { Store } from './store/store.js';

export interface AppDeps {
  store: Store;
  logger: Logger;
  /** The built client to serve (client/dist); without it only the API and realtime run. */
  clientDistDir?: string;
  /** The public address; https turns on HSTS and secure upgrades. */
  publicUrl?: string;
  /** Socket.IO adapter; the Redis streams adapter when several instances share Redis. */
  socketAdapter?: ServerOptions['adapter'];
  /** The clock. Tests inject one; nothing in the server reads `Date.now()` directly. */
  now?: () => number;
}

export interface App {
  httpServer: HttpServer;
  io: AppServer;
  docs: DocRegistry;
  /**
   * Stops accepting work, closes every connection with a "reconnect" code, and resolves once
   * every accepted update is stored. It does not close the store: whoever opened it does.
   */
  close(): Promise<void>;
}

export function createApp(deps: AppDeps): App {
  const now = deps.now ?? Date.now;
  const https = deps.publicUrl?.startsWith('https://') ?? false;
  const express = createExpressApp({
    store: deps.store,
    logger: deps.logger,
    clientDistDir: deps.clientDistDir,
    https,
  });
  const httpServer = createServer(express);
  const io = createSocketServer({
    httpServer,
    logger: deps.logger,
    now,
    ...(deps.socketAdapter ? { adapter: deps.socketAdapter } : {}),
  });
  const yjs = attachYjsEndpoint(httpServer, { store: deps.store, logger: deps.logger });

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      const httpClosed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      io.local.emit('server:notice', {
        kind: 'restarting',
        message: 'The server is restarting. Your work is saved and will reconnect by itself.',
        sentAt: now(),
      });
      await yjs.close();
      // io.close() also closes the HTTP server and ends Socket.IO connections.
      await io.close();
      httpServer.closeAllConnections();
      await httpClosed;
    })();
    return closing;
  };

  return { httpServer, io, docs: yjs.registry, close };
}

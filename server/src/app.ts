/**
 * `createApp(deps)` wires the whole server onto one HTTP server — Express, Socket.IO and the
 * y-websocket endpoint — and returns it without listening, so `main.ts` and tests decide where.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server as HttpServer } from 'node:http';
import type { ServerOptions } from 'socket.io';
import { isSameOrigin } from './access/origin.js';
import { admitToDoc } from './access/realtime-access.js';
import {
  createAccessServices,
  type AccessServices,
  type RateLimitName,
  type RateLimitSettings,
} from './access/services.js';
import { createApiRoutes } from './http/api-routes.js';
import { createExpressApp } from './http/create-express-app.js';
import type { RouteDefinition } from './http/route.js';
import type { Logger } from './logger.js';
import { createTimerScheduler, type Scheduler } from './meetings/meeting-clock.js';
import { MeetingService } from './meetings/meeting-service.js';
import { wireAccessRevocation } from './realtime/access-revocation.js';
import { createSocketServer, type AppServer } from './realtime/socket-server.js';
import { attachYjsEndpoint } from './realtime/yjs/yjs-endpoint.js';
import { createBoardContextLoader } from './boards/board-context.js';
import { ClientIdBindings } from './boards/client-ids.js';
import { WriteGate } from './boards/write-gate.js';
import { QuestionService } from './boards/question-service.js';
import { carrySlotBoards } from './boards/carry-over.js';
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
  /**
   * Runs meeting ticks at their due times on the `now` clock. Default: timers; tests pass one
   * they drive by hand together with `now`.
   */
  scheduler?: Scheduler;
  /** Override the attempts allowed on token-bearing routes (tests that race many requests). */
  rateLimits?: Partial<Record<RateLimitName, RateLimitSettings>>;
}

export interface App {
  httpServer: HttpServer;
  io: AppServer;
  docs: DocRegistry;
  services: AccessServices;
  /** Every API route, with its access policy (the authorisation matrix test reads these). */
  routes: readonly RouteDefinition[];
  /**
   * While nobody has set the server up: a fresh one-time set-up link (older ones stop working),
   * on PUBLIC_URL or else `fallbackOrigin`. Null once the first organiser exists.
   */
  setupUrl(fallbackOrigin?: string): Promise<string | null>;
  /**
   * Stops accepting work, closes every connection with a "reconnect" code, and resolves once
   * every accepted update is stored. It does not close the store: whoever opened it does.
   */
  close(): Promise<void>;
}

export function createApp(deps: AppDeps): App {
  const now = deps.now ?? Date.now;
  const https = deps.publicUrl?.startsWith('https://') ?? false;
  let revokeAccess: (setId: string, personId: string) => void = () => {};
  let endSession: (sessionKey: string) => void = () => {};
  let syncMeetingRosters: (setId: string) => Promise<void> = () => Promise.resolve();
  const services = createAccessServices({
    store: deps.store,
    logger: deps.logger,
    now,
    ...(deps.rateLimits ? { rateLimits: deps.rateLimits } : {}),
    onAccessRevoked: (setId, personId) => revokeAccess(setId, personId),
    onMembershipChanged: (setId) => syncMeetingRosters(setId),
    onSessionEnded: (sessionKey) => endSession(sessionKey),
  });
  const routes = createApiRoutes({ services, https, publicUrl: deps.publicUrl });
  const express = createExpressApp({
    store: deps.store,
    logger: deps.logger,
    clientDistDir: deps.clientDistDir,
    https,
    publicUrl: deps.publicUrl,
    services,
    routes,
  });
  const httpServer = createServer(express);
  const meetings = new MeetingService({ store: deps.store, now });
  const gate = new WriteGate(
    new ClientIdBindings(deps.store),
    createBoardContextLoader(deps.store),
  );
  const yjs = attachYjsEndpoint(httpServer, {
    store: deps.store,
    logger: deps.logger,
    gate,
    isAllowedOrigin: (request) => isSameOrigin(request, deps.publicUrl),
    admit: (request, docName) => admitToDoc(services, request, docName),
  });
  const questions = new QuestionService({
    meetings,
    docs: yjs.registry,
    now,
    newId: () => randomUUID(),
  });
  const { io, meetingClock, publish } = createSocketServer({
    httpServer,
    logger: deps.logger,
    now,
    services,
    publicUrl: deps.publicUrl,
    meetings,
    questions,
    carrySlotBoards: (slots) => carrySlotBoards(yjs.registry, deps.store, slots),
    scheduler: deps.scheduler ?? createTimerScheduler(now),
    ...(deps.socketAdapter ? { adapter: deps.socketAdapter } : {}),
  });
  // Open meetings follow the set's membership (docs/protocol.md, M9); the change itself stands
  // even if this fails.
  syncMeetingRosters = async (setId) => {
    try {
      for (const { meeting, events } of await meetings.syncRosters(setId)) publish(meeting, events);
    } catch (error) {
      deps.logger.error({ err: error, setId }, 'could not bring meeting rosters up to date');
    }
  };
  ({ revokeAccess, endSession } = wireAccessRevocation(
    io,
    yjs.registry,
    deps.logger,
    Boolean(deps.socketAdapter),
  ));

  const setupUrl = async (fallbackOrigin = 'http://localhost:3000') => {
    const token = await services.onboarding.issueSetupToken();
    const origin = new URL(deps.publicUrl ?? fallbackOrigin).origin;
    return token ? `${origin}/setup#${token}` : null;
  };

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      const httpClosed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      // Deadlines are in the store: whichever instance serves the meeting next ticks it.
      meetingClock.stop();
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

  return { httpServer, io, docs: yjs.registry, services, routes, setupUrl, close };
}

/**
 * `createApp(deps)` wires the whole server onto one HTTP server — Express, Socket.IO and the
 * y-websocket endpoint — and returns it without listening, so `main.ts` and tests decide where.
 */
import { randomUUID } from 'node:crypto';
import { apologiesReminder, parseMeetingId, type MeetingEvent } from '@setboard/shared';
import { createServer, type Server as HttpServer } from 'node:http';
import type { ServerOptions } from 'socket.io';
import { originCheck } from './access/origin.js';
import type { ProxyTrust } from './access/proxy-trust.js';
import { admitToDoc } from './access/realtime-access.js';
import { createStandingCheck } from './access/connection-standing.js';
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
import { MeetingService, type StoredMeeting } from './meetings/meeting-service.js';
import { meetingProgressOf } from './meetings/meeting-progress.js';
import { Apologies } from './meetings/apologies.js';
import type { PublishChange } from './meetings/meeting-clock.js';
import { wireAccessRevocation } from './realtime/access-revocation.js';
import type { ConnectionSweep } from './realtime/connection-sweep.js';
import type { SessionLifetime } from './access/sessions.js';
import type { AppServer } from './realtime/app-server.js';
import { personRoom } from './realtime/rooms.js';
import { createSocketServer } from './realtime/socket-server.js';
import {
  createCommandLimiter,
  DEFAULT_COMMAND_LIMITS,
  type CommandLimitSettings,
} from './realtime/command-limits.js';
import type { SetRecord } from './access/records.js';
import { attachYjsEndpoint } from './realtime/yjs/yjs-endpoint.js';
import type { BoardLimitSettings } from './realtime/yjs/board-limits.js';
import { createBoardContextLoader } from './boards/board-context.js';
import { ClientIdBindings } from './boards/client-ids.js';
import { WriteGate } from './boards/write-gate.js';
import { QuestionService } from './boards/question-service.js';
import { carrySlotBoards } from './boards/carry-over.js';
import { MyActions } from './boards/my-actions.js';
import { LearningLog } from './boards/learning-log.js';
import type { ServerDocWriter } from './boards/server-doc-writer.js';
import { seedGroundRulesDraft } from './boards/ground-rules-draft.js';
import { Calendars } from './calendar/calendars.js';
import { Notifications } from './reminders/notifications.js';
import { ReminderScheduler } from './reminders/reminder-scheduler.js';
import type { DocRegistry } from './realtime/yjs/doc-registry.js';
import { wireDocRebuilt } from './realtime/doc-rebuilt.js';
import { Erasure } from './privacy/erasure.js';
import { BoardRepair } from './privacy/board-repair.js';
import type { LiveDocs } from './privacy/doc-rewrite.js';
import { Retention } from './privacy/retention.js';
import type { Store } from './store/store.js';
import type { Mailer } from './mail/mailer.js';
import type { Metrics } from './metrics/metrics.js';
import { countGateRefusals, countYjsConnections, instrumentStore } from './metrics/instrument.js';
import { Bookings } from './bookings/bookings.js';
import { ReminderMailSettings } from './reminders/mail-settings.js';
import { ReminderDigest } from './reminders/reminder-digest.js';
import { oneClickUnsubscribe } from './http/reminder-mail.routes.js';

/** The change that ends a meeting. */
const isCloseEvent = (event: MeetingEvent) =>
  event.type === 'position:changed' && event.phase === 'closed';

export interface AppDeps {
  store: Store;
  logger: Logger;
  /** The built client to serve (client/dist); without it only the API and realtime run. */
  clientDistDir?: string;
  /** The public address; https turns on HSTS and secure upgrades. */
  publicUrl?: string;
  /** Whom to believe about X-Forwarded-* (TRUST_PROXY); default: nobody. */
  proxyTrust?: ProxyTrust;
  /** Socket.IO adapter; the Redis streams adapter when several instances share Redis. */
  socketAdapter?: ServerOptions['adapter'];
  /** The clock. Tests inject one; nothing in the server reads `Date.now()` directly. */
  now?: () => number;
  /**
   * Runs meeting ticks at their due times on the `now` clock. Default: timers; tests pass one
   * they drive by hand together with `now`.
   */
  scheduler?: Scheduler;
  /** Whether this instance scans for due reminders (default: yes). */
  reminders?: boolean;
  /** Override the attempts allowed on token-bearing routes (tests that race many requests). */
  rateLimits?: Partial<Record<RateLimitName, RateLimitSettings>>;
  /** Sends mail when the deployment configured SMTP_URL; without it nothing offers e-mail. */
  mailer?: Mailer;
  /** Override the Socket.IO command budgets (C11). */
  commandLimits?: CommandLimitSettings;
  /** Override the attempts allowed per token (default: `rateLimits`, else the defaults). */
  tokenRateLimits?: Partial<Record<RateLimitName, RateLimitSettings>>;
  /** Counts what the server does (docs/api.md, "Metrics"); none are kept without it. */
  metrics?: Metrics;
  /** When set, the main port serves /metrics to requests bearing this token. */
  metricsToken?: string;
  /** How long sessions last (SESSION_IDLE_DAYS, SESSION_ABSOLUTE_DAYS). */
  sessionLifetime?: SessionLifetime;
  /** How often open connections are re-validated (at most, and by default, every 5 s). */
  connectionSweepMs?: number;
  /** Each board's size limit and each person's daily allowance (BOARD_SIZE_LIMIT_MB; Y22). */
  boardLimits?: BoardLimitSettings;
}

export interface App {
  httpServer: HttpServer;
  io: AppServer;
  docs: DocRegistry;
  services: AccessServices;
  /** This instance's reminder scan (tests scan on demand to race instances). */
  reminders: ReminderScheduler;
  /** This instance's retention scan (docs/privacy.md); tests scan on demand. */
  retention: Retention;
  /** Re-validates this instance's open connections (connection-sweep.ts). */
  sweep: ConnectionSweep;
  /** Every API route, with its access policy (the authorisation matrix test reads these). */
  routes: readonly RouteDefinition[];
  /**
   * While nobody has set the server up: the deployment's one-time set-up link (the same on every
   * instance, kept in the store), on PUBLIC_URL or else `fallbackOrigin`. Null once the first
   * organiser exists.
   */
  setupUrl(fallbackOrigin?: string): Promise<string | null>;
  /**
   * Stops accepting work, closes every connection with a "reconnect" code, and resolves once
   * every accepted update is stored. It does not close the store: whoever opened it does.
   */
  close(): Promise<void>;
}

export function createApp(given: AppDeps): App {
  // With metrics, every part of the app sees the counting store.
  const deps = given.metrics
    ? { ...given, store: instrumentStore(given.store, given.metrics) }
    : given;
  const now = deps.now ?? Date.now;
  const https = deps.publicUrl?.startsWith('https://') ?? false;
  let revokeAccess: (setId: string, personId: string) => void = () => {};
  let endSession: (sessionKey: string) => void = () => {};
  let syncMeetingRosters: (setId: string) => Promise<void> = () => Promise.resolve();
  const meetings = new MeetingService({ store: deps.store, now });
  const services = createAccessServices({
    store: deps.store,
    logger: deps.logger,
    now,
    ...(deps.rateLimits ? { rateLimits: deps.rateLimits } : {}),
    ...(deps.tokenRateLimits ? { tokenRateLimits: deps.tokenRateLimits } : {}),
    onAccessRevoked: (setId, personId) => revokeAccess(setId, personId),
    onMembershipChanged: (setId) => syncMeetingRosters(setId),
    meetingProgress: (setId, count) => meetingProgressOf(meetings, setId, count),
    onSessionEnded: (sessionKey) => endSession(sessionKey),
    ...(deps.sessionLifetime ? { sessionLifetime: deps.sessionLifetime } : {}),
    ...(deps.mailer ? { mailer: deps.mailer } : {}),
  });
  let publishMeeting: PublishChange = () => {};
  const scheduler = deps.scheduler ?? createTimerScheduler(now);
  const apologies = new Apologies({ store: deps.store, meetings, now });
  const notifications = new Notifications({
    store: deps.store,
    now,
    onCreated: (personId) => void tellUnread(personId),
  });
  // Boards write through this port; the registry behind it exists once the endpoint is attached.
  const serverWriter: ServerDocWriter = {
    writeAsServer: (name, change) => yjs.registry.writeAsServer(name, change),
    compactNow: (name) => yjs.registry.compactNow(name),
  };
  const reminderMailSettings = new ReminderMailSettings({ store: deps.store, now });
  const reminderDigest = deps.mailer
    ? new ReminderDigest({
        store: deps.store,
        mailer: deps.mailer,
        notifications,
        settings: reminderMailSettings,
        now,
        logger: deps.logger,
        origin: new URL(deps.publicUrl ?? 'http://localhost:3000').origin,
      })
    : null;
  const myActions = new MyActions({
    store: deps.store,
    sets: services.sets,
    meetings,
    docs: serverWriter,
    now,
  });
  // Erasure closes a rebuilt doc's live connections through the realtime side, wired below.
  let liveDocs: LiveDocs = { closeEverywhere: () => Promise.resolve() };
  const erasure = new Erasure({
    store: deps.store,
    sets: services.sets,
    meetings,
    sessions: services.sessions,
    audit: services.audit,
    live: { closeEverywhere: (docName) => liveDocs.closeEverywhere(docName) },
    logger: deps.logger,
    now,
  });
  const boardRepair = new BoardRepair({
    store: deps.store,
    live: { closeEverywhere: (docName) => liveDocs.closeEverywhere(docName) },
    sets: services.sets,
    notifications,
    now,
  });
  const routes = createApiRoutes({
    services,
    record: { meetings },
    privacy: {
      erasure,
      repair: boardRepair,
      myData: {
        store: deps.store,
        sets: services.sets,
        meetings,
        myActions,
        audit: services.audit,
        now,
      },
    },
    https,
    publicUrl: deps.publicUrl,
    year: {
      meetings,
      apologies,
      publishMeeting: ({ meeting, events }) => publishMeeting(meeting, events),
      apologySent: (set, meetingIndex, personId) =>
        tellFacilitatorOfApologies(set, meetingIndex, personId),
      myActions,
      learningLog: new LearningLog({ docs: serverWriter, now }),
      calendars: new Calendars({ store: deps.store, sets: services.sets, myActions, now }),
      notifications,
      notificationsChanged: (personId) => void tellUnread(personId),
      actionsChanged: async (set) => tellMembers(set, 'actions:changed'),
    },
    bookings: new Bookings({
      store: deps.store,
      sets: services.sets,
      links: services.links,
      now,
      logger: deps.logger,
      mailer: deps.mailer,
      notify: (reminder) => notifications.create(reminder),
    }),
    reminderMail: { settings: reminderMailSettings, available: Boolean(deps.mailer) },
  });
  const express = createExpressApp({
    store: deps.store,
    logger: deps.logger,
    clientDistDir: deps.clientDistDir,
    https,
    publicUrl: deps.publicUrl,
    ...(deps.proxyTrust !== undefined ? { proxyTrust: deps.proxyTrust } : {}),
    services,
    routes,
    ...(deps.metrics ? { metrics: { metrics: deps.metrics, token: deps.metricsToken } } : {}),
  });
  express.post('/mail/unsubscribe', oneClickUnsubscribe(reminderMailSettings));
  const httpServer = createServer(express);
  if (deps.metrics) countYjsConnections(httpServer, deps.metrics);
  const gate = new WriteGate(
    new ClientIdBindings(deps.store),
    createBoardContextLoader(deps.store),
  );
  if (deps.metrics) countGateRefusals(gate, deps.metrics);
  const yjs = attachYjsEndpoint(httpServer, {
    store: deps.store,
    logger: deps.logger,
    gate,
    now,
    isAllowedOrigin: originCheck({
      publicUrl: deps.publicUrl,
      proxyTrust: deps.proxyTrust ?? false,
    }),
    admit: (request, docName) => admitToDoc(services, request, docName),
    standing: createStandingCheck({ ...services, store: deps.store, now }),
    ...(deps.boardLimits ? { boardLimits: deps.boardLimits } : {}),
    onBoardFull: (docName) => {
      boardRepair.tellFull(docName).catch((error: unknown) => {
        deps.logger.warn({ err: error, doc: docName }, 'could not tell anyone a board is full');
      });
    },
  });
  const questions = new QuestionService({
    meetings,
    docs: serverWriter,
    now,
    newId: () => randomUUID(),
  });
  const { io, meetingClock, publish } = createSocketServer({
    prepareBoards: async (meeting) => {
      await apologies.reconcile(meeting);
      await seedGroundRulesDraft(serverWriter, deps.store, meeting.setId);
    },
    onMeetingChanged: (meeting, events) => void followLifecycle(meeting, events),
    httpServer,
    logger: deps.logger,
    now,
    services,
    commandLimiter: createCommandLimiter(deps.store, deps.commandLimits ?? DEFAULT_COMMAND_LIMITS),
    publicUrl: deps.publicUrl,
    ...(deps.proxyTrust !== undefined ? { proxyTrust: deps.proxyTrust } : {}),
    meetings,
    questions,
    carrySlotBoards: (slots) => carrySlotBoards(serverWriter, deps.store, slots),
    scheduler,
    ...(deps.socketAdapter ? { adapter: deps.socketAdapter } : {}),
  });
  publishMeeting = publish;
  deps.metrics?.countSocketIoWith(() => io.engine.clientsCount);
  // The header's unread count follows the notification centre, on every instance.
  const tellUnread = async (personId: string) => {
    try {
      const { unread } = await notifications.list(personId);
      io.to(personRoom(personId)).emit('notifications:changed', { unread });
    } catch (error) {
      deps.logger.warn({ err: error }, 'could not count unread notifications');
    }
  };
  const tellFacilitatorOfApologies = async (
    set: SetRecord,
    meetingIndex: number,
    personId: string,
  ) => {
    const facilitatorId = Object.entries(set.members).find(
      ([, entry]) => entry.status === 'active' && entry.role === 'facilitator',
    )?.[0];
    if (!facilitatorId || facilitatorId === personId) return;
    const person = { id: personId, name: await services.sets.personName(personId) };
    const meetingId = `${set.id}-m${meetingIndex}`;
    const entry = (await apologies.of(meetingId))[personId];
    await notifications.create(
      apologiesReminder(facilitatorId, set, meetingIndex, person, entry?.message ?? '', now()),
    );
  };
  const reminders = new ReminderScheduler({
    sources: { store: deps.store, sets: services.sets, myActions },
    notifications,
    scheduler,
    now,
    logger: deps.logger,
    ...(reminderDigest ? { mail: reminderDigest } : {}),
  });
  if (deps.reminders !== false) reminders.start();
  const retention = new Retention({
    sets: services.sets,
    record: { store: deps.store, sets: services.sets, meetings },
    notifications,
    erasure,
    scheduler,
    now,
    logger: deps.logger,
  });
  if (deps.reminders !== false) retention.start();
  const tellMembers = (set: SetRecord, event: 'actions:changed') => {
    const active = Object.entries(set.members).filter(([, entry]) => entry.status === 'active');
    if (active.length > 0)
      io.to(active.map(([personId]) => personRoom(personId))).emit(event, { setId: set.id });
  };
  // The set's lifecycle follows its meetings: active at the first start, closed after the last.
  const followLifecycle = async (meeting: StoredMeeting, events: MeetingEvent[]) => {
    const started = events.some((event) => event.type === 'meeting:started');
    const closed = meeting.state.phase === 'closed' && events.some(isCloseEvent);
    if (!started && !closed) return;
    const index = parseMeetingId(meeting.meetingId)?.meetingIndex ?? 0;
    try {
      await services.sets.followMeeting(meeting.setId, index, started ? 'started' : 'closed');
    } catch (error) {
      deps.logger.error({ err: error, meetingId: meeting.meetingId }, 'could not move the set on');
    }
  };
  // Open meetings follow the set's membership (docs/protocol.md, M9); the change itself stands
  // even if this fails.
  syncMeetingRosters = async (setId) => {
    try {
      for (const { meeting, events } of await meetings.syncRosters(setId)) publish(meeting, events);
    } catch (error) {
      deps.logger.error({ err: error, setId }, 'could not bring meeting rosters up to date');
    }
  };
  const revocation = wireAccessRevocation(
    io,
    yjs.registry,
    deps.logger,
    Boolean(deps.socketAdapter),
    { services, ...(deps.connectionSweepMs ? { intervalMs: deps.connectionSweepMs } : {}) },
  );
  ({ revokeAccess, endSession } = revocation);
  // Whatever was published while the subscription was down is missed, removals included.
  deps.store.onSubscriptionRestored(() => {
    revocation.sweep
      .sweepNow()
      .catch((error: unknown) =>
        deps.logger.warn(
          { err: error },
          'the sweep after a reconnect failed; it runs again shortly',
        ),
      );
  });

  liveDocs = wireDocRebuilt(io, yjs.registry, deps.logger, Boolean(deps.socketAdapter));

  const setupUrl = async (fallbackOrigin = 'http://localhost:3000') => {
    const token = await services.onboarding.setupToken();
    const origin = new URL(deps.publicUrl ?? fallbackOrigin).origin;
    return token ? `${origin}/setup#${token}` : null;
  };

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      const httpClosed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      // Deadlines are in the store: whichever instance serves the meeting next ticks it.
      meetingClock.stop();
      reminders.stop();
      retention.stop();
      revocation.sweep.stop();
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

  return {
    httpServer,
    io,
    docs: yjs.registry,
    services,
    routes,
    reminders,
    retention,
    sweep: revocation.sweep,
    setupUrl,
    close,
  };
}

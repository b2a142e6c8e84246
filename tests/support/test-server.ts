/**
 * Starts a real server in this process on 127.0.0.1 and a free port. Without a store it opens a
 * fresh SQLite file in a temporary folder, removed again on close.
 */
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createApp, createLogger, type App, type AppDeps, type Store } from '@setboard/server';
import { SqliteStore } from '../../server/src/store/sqlite/sqlite-store.js';
import { closeWhenTestEnds } from './cleanup.js';
import { makeTempDir } from './temp-dir.js';

export interface TestServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  app: App;
  store: Store;
  /** A fresh set-up link on this server (null once someone has set it up). */
  setupUrl(): Promise<string | null>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  clientDistDir?: string;
  store?: Store;
  socketAdapter?: AppDeps['socketAdapter'];
  /** Listen on this port (to restart "the same" server); default: any free port. */
  port?: number;
  now?: () => number;
  /** Runs meeting ticks; pass a `ManualClock` (with its `now`) to drive time by hand. */
  scheduler?: AppDeps['scheduler'];
  rateLimits?: AppDeps['rateLimits'];
  tokenRateLimits?: AppDeps['tokenRateLimits'];
  commandLimits?: AppDeps['commandLimits'];
  /** The public address, as PUBLIC_URL would give it. */
  publicUrl?: string;
  /** Whom to believe about X-Forwarded-*, as TRUST_PROXY would give it. */
  proxyTrust?: AppDeps['proxyTrust'];
  /** Whether the instance scans for reminders by itself (default: yes). */
  reminders?: boolean;
  /** Sends mail (e.g. through an in-process SMTP server, tests/support/smtp-inbox.ts). */
  mailer?: AppDeps['mailer'];
  /** Where the server logs (default: silent unless TEST_LOG_LEVEL). */
  logger?: AppDeps['logger'];
  sessionLifetime?: AppDeps['sessionLifetime'];
  /** How often open connections are re-validated (default 5 s). */
  connectionSweepMs?: number;
  /** Each board's size limit and each person's daily allowance (default: the server's). */
  boardLimits?: AppDeps['boardLimits'];
}

const MACHINE_SPEED_COMMAND_LIMITS = {
  perConnection: { points: 100_000, durationSeconds: 1 },
  perPerson: { points: 100_000, durationSeconds: 1 },
};

/** Logs are silent in tests unless TEST_LOG_LEVEL asks for them. */
export const testLogger = createLogger(
  (process.env.TEST_LOG_LEVEL as 'silent' | 'debug' | undefined) ?? 'silent',
);

/** A temporary folder removed when `remove` is called. */
export { makeTempDir };

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const temp = options.store ? null : makeTempDir('server');
  const store =
    options.store ?? SqliteStore.open({ file: path.join(temp!.dir, 'setboard.sqlite') });
  const app = createApp({
    store,
    logger: options.logger ?? testLogger,
    ...(options.clientDistDir ? { clientDistDir: options.clientDistDir } : {}),
    ...(options.socketAdapter ? { socketAdapter: options.socketAdapter } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.scheduler ? { scheduler: options.scheduler } : {}),
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
    ...(options.tokenRateLimits ? { tokenRateLimits: options.tokenRateLimits } : {}),
    // Test drivers click at machine speed (200 floor races in a row): the budgets an honest person
    // never meets are tested on their own (command-flood.test.ts), not by every driver.
    commandLimits: options.commandLimits ?? MACHINE_SPEED_COMMAND_LIMITS,
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    ...(options.proxyTrust !== undefined ? { proxyTrust: options.proxyTrust } : {}),
    ...(options.reminders !== undefined ? { reminders: options.reminders } : {}),
    ...(options.mailer ? { mailer: options.mailer } : {}),
    ...(options.sessionLifetime ? { sessionLifetime: options.sessionLifetime } : {}),
    ...(options.connectionSweepMs ? { connectionSweepMs: options.connectionSweepMs } : {}),
    ...(options.boardLimits ? { boardLimits: options.boardLimits } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    app.httpServer.once('error', reject);
    app.httpServer.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (app.httpServer.address() as AddressInfo).port;
  let closed = false;
  const server: TestServer = {
    url: `http://127.0.0.1:${port}`,
    port,
    app,
    store,
    setupUrl: () => app.setupUrl(`http://127.0.0.1:${port}`),
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      if (temp) {
        await store.close();
        temp.remove();
      }
    },
  };
  closeWhenTestEnds(() => server.close());
  return server;
}

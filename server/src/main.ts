/**
 * The process entry point and the only place that reads the environment and opens SQLite or
 * Redis. It wires the app, listens, and shuts down gracefully on SIGTERM/SIGINT: connections are
 * told to reconnect, every accepted update is stored, then the store is closed.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import { boardLimitsOf, parseConfig, sessionLifetimeOf } from './config.js';
import { createSmtpMailer } from './mail/smtp-mailer.js';
import { createLogger } from './logger.js';
import { openStore } from './open-store.js';
import { Metrics } from './metrics/metrics.js';
import { createMetricsServer } from './metrics/metrics-access.js';

/** How long a graceful shutdown may take before the process exits anyway. */
const SHUTDOWN_DEADLINE_MS = 10_000;

function defaultClientDistDir(): string {
  // server/src/main.ts (dev) and server/dist/main.js (built) both sit two levels below the root.
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.resolve(here, '../../client/dist');
}

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL);
  const metrics = new Metrics();
  const opened = await openStore(config, logger, metrics.recordBatch);
  const app = createApp({
    store: opened.store,
    logger,
    metrics,
    ...(config.METRICS_TOKEN ? { metricsToken: config.METRICS_TOKEN } : {}),
    clientDistDir: config.CLIENT_DIST_DIR ?? defaultClientDistDir(),
    sessionLifetime: sessionLifetimeOf(config),
    boardLimits: boardLimitsOf(config),
    ...(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}),
    proxyTrust: config.TRUST_PROXY,
    ...(opened.socketAdapter ? { socketAdapter: opened.socketAdapter } : {}),
    ...(config.SMTP_URL && config.MAIL_FROM
      ? { mailer: createSmtpMailer({ url: config.SMTP_URL, from: config.MAIL_FROM }) }
      : {}),
  });
  await new Promise<void>((resolve) => app.httpServer.listen(config.PORT, config.HOST, resolve));
  const address = app.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  logger.info({ port, host: config.HOST }, 'listening');
  const metricsServer = config.METRICS_PORT ? createMetricsServer(metrics) : null;
  if (metricsServer && config.METRICS_PORT) {
    await new Promise<void>((resolve) =>
      metricsServer.listen(config.METRICS_PORT, config.HOST, resolve),
    );
    logger.info({ port: config.METRICS_PORT }, 'serving /metrics');
  }
  const shown = config.PUBLIC_URL ?? `http://localhost:${port}`;
  // Like Jupyter's token link: printed to the console only, never to the structured log.
  const setupUrl = await app.setupUrl(shown);
  const setupNotice = setupUrl
    ? `Nobody has set up Setboard yet. To become its first organiser, open:\n\n    ${setupUrl}\n\n` +
      'This link works once. Every instance and every restart prints this same link until it is\n' +
      'used; `npm run admin -- setup-link --new` makes a new one (and this one stops working).\n\n'
    : '';
  process.stdout.write(`\n${setupNotice}Setboard is running at ${shown}\n\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    metricsServer?.close();
    await app.close();
    await opened.store.close();
    await opened.closeConnections();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Setboard could not start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});

/**
 * Who may read /metrics. Counts of connections and documents say how busy the service is, so
 * they are never public: either a separate port (METRICS_PORT, meant to be reachable only from
 * the monitoring network) serves them without a token, or the main port serves them only with
 * `Authorization: Bearer <METRICS_TOKEN>`. With neither, /metrics is not served at all.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Metrics } from './metrics.js';

export const METRICS_PATH = '/metrics';

/** Whether the request carries exactly the bearer token (compared in constant time). */
export function hasMetricsToken(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer (.+)$/.exec(authorization ?? '');
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Writes the scrape. */
export async function sendMetrics(metrics: Metrics, res: ServerResponse): Promise<void> {
  const { body, contentType } = await metrics.exposition();
  res.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' });
  res.end(body);
}

/** The metrics-only listener for METRICS_PORT: /metrics, nothing else. */
export function createMetricsServer(metrics: Metrics): Server {
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' || new URL(req.url ?? '/', 'http://x').pathname !== METRICS_PATH) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    sendMetrics(metrics, res).catch(() => {
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end('Metrics failed');
    });
  });
}

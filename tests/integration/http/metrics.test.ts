/**
 * /metrics [AT-SP4]: counts of the service are never public. A real server process with both
 * METRICS_PORT and METRICS_TOKEN: the metrics port serves them (and nothing else) without a
 * token; the main port only with the bearer token. A server with neither never serves them.
 */
import { describe, expect, it } from 'vitest';
import { parsePrometheus } from '../../support/prometheus.js';
import { findFreePort, startServerProcess } from '../../support/server-process.js';
import { sqliteBackend } from '../../support/backends.js';
import { startTestServer } from '../../support/test-server.js';

const TOKEN = 'a-long-metrics-token-for-tests';

const get = async (url: string, authorization?: string) => {
  const response = await fetch(url, authorization ? { headers: { authorization } } : {});
  return { status: response.status, text: await response.text() };
};

describe('Metrics', () => {
  it(
    '[AT-SP4] /metrics answers on METRICS_PORT without a token, and on the main port only with the bearer token',
    { timeout: 90_000 },
    async () => {
      const backend = sqliteBackend();
      const [port, metricsPort] = [await findFreePort(), await findFreePort()];
      const server = await startServerProcess({
        port,
        env: { ...backend.processEnv, METRICS_PORT: String(metricsPort), METRICS_TOKEN: TOKEN },
      });

      for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${TOKEN}`, TOKEN]) {
        const refused = await get(`${server.url}/metrics`, authorization);
        expect(refused.status).toBe(401);
        expect(refused.text).not.toContain('setboard_');
        expect(refused.text).not.toContain('nodejs_');
      }

      const withToken = await get(`${server.url}/metrics`, `Bearer ${TOKEN}`);
      expect(withToken.status).toBe(200);
      const samples = parsePrometheus(withToken.text);
      for (const name of [
        'setboard_doc_appends_total',
        'setboard_doc_append_batch_size_count',
        'setboard_docs_open',
        'setboard_yjs_connections',
        'setboard_socketio_connections',
        'nodejs_eventloop_lag_p99_seconds',
        'process_resident_memory_bytes',
      ]) {
        expect(samples.has(name), name).toBe(true);
      }

      const onMetricsPort = await get(`http://127.0.0.1:${metricsPort}/metrics`);
      expect(onMetricsPort.status).toBe(200);
      expect(parsePrometheus(onMetricsPort.text).has('setboard_doc_appends_total')).toBe(true);
      // The metrics port serves nothing else: not the API, not the pages.
      for (const path of ['/', '/api/session', '/healthz']) {
        expect((await get(`http://127.0.0.1:${metricsPort}${path}`)).status).toBe(404);
      }
    },
  );

  it('[AT-SP4] without METRICS_TOKEN the main port never serves /metrics (nor the client page in its place)', async () => {
    const server = await startTestServer();
    for (const authorization of [undefined, `Bearer ${TOKEN}`]) {
      const reply = await get(`${server.url}/metrics`, authorization);
      expect(reply.status).toBe(404);
      expect(reply.text).not.toContain('setboard_');
      expect(reply.text).not.toContain('<!doctype');
    }
  });
});

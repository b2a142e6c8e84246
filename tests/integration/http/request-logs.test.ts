/**
 * Request logs (issue 17): an ordinary session adds no request lines at the default `info` level
 * (they are `debug`); a failed request is logged exactly once, at `error`, with its error and
 * its path; a slow one once, at `warn`.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@setboard/server';
import { callApi, expectOk, setWithPeople } from '../../support/actors.js';
import { sqliteBackend } from '../../support/backends.js';
import { SwitchableStore } from '../../support/switchable-store.js';
import { startTestServer } from '../../support/test-server.js';

/** Every line the server logs at `level`, parsed. */
function capturingLogger(level: 'info' | 'debug') {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger(level, sink), lines };
}

const requestLines = (lines: Array<Record<string, unknown>>) =>
  lines.filter((line) => 'req' in line);

describe('request logs', () => {
  it('an ordinary session logs no request lines at info; a failed request is logged once, at error', async () => {
    const { logger, lines } = capturingLogger('info');
    const store = new SwitchableStore(sqliteBackend().openStore());
    const server = await startTestServer({ store, logger });
    const { organiser, set } = await setWithPeople(server.url, await server.setupUrl(), 2);
    for (let index = 0; index < 20; index++) {
      await expectOk(server.url, 'GET', `/api/sets/${set.id}`, { as: organiser });
    }
    await callApi(server.url, 'GET', '/api/no-such-route');
    await callApi(server.url, 'GET', '/healthz');
    expect(requestLines(lines)).toEqual([]);

    store.turnOff('records');
    const failed = await callApi(server.url, 'GET', `/api/sets/${set.id}`, { as: organiser });
    store.turnOn('records');
    expect(failed.status).toBe(500);
    await expect.poll(() => requestLines(lines).length).toBe(1);
    const [line] = requestLines(lines);
    expect(line).toMatchObject({
      level: 50,
      msg: 'request failed',
      req: { method: 'GET', path: `/api/sets/${set.id}` },
      res: { statusCode: 500 },
      err: { message: expect.stringContaining('store is unavailable') },
    });
    expect(typeof line!.responseTime).toBe('number');
    // Logged once: no other line tells of the same failure.
    expect(
      lines.filter((entry) => JSON.stringify(entry).includes('store is unavailable')),
    ).toHaveLength(1);
  });

  it('at debug, every request has its line', async () => {
    const { logger, lines } = capturingLogger('debug');
    const server = await startTestServer({ logger });
    await callApi(server.url, 'GET', '/api/session');
    await expect
      .poll(() =>
        requestLines(lines).map((line) => [line.level, (line.req as { path: string }).path]),
      )
      .toEqual([[20, '/api/session']]);
  });
});

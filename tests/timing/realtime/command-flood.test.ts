/**
 * [AT-RS4][C11] A member flooding Socket.IO commands is answered `rate_limited` with a retry
 * hint, and everyone else's commands keep their speed: bystanders' acknowledgement p99 during
 * the flood stays within twice their p99 just before it, on one instance (SQLite) and with
 * people split across two instances on Redis. The flood runs in its own process, so only the
 * server feels it.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { setWithPeople, type TestPerson } from '../../support/actors.js';
import { redisBackend } from '../../support/backends.js';
import { redisForSuite } from '../../support/services.js';
import { connectSocket, waitForConnect, type TestSocket } from '../../support/socket-client.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { DEFAULT_COMMAND_LIMITS } from '../../../server/src/realtime/command-limits.js';

const FLOODER = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../support/command-flooder.ts',
);
const REPO_ROOT = path.resolve(path.dirname(FLOODER), '../..');
/** How long each measurement (before, during) lasts. */
const WINDOW_MS = 4_000;
/** Bystanders send one command every this many ms: an honest, busy pace. */
const BYSTANDER_GAP_MS = 50;

interface FloodReport {
  sent: number;
  accepted: number;
  refused: number;
  other: number;
  maxRetryAfterMs: number;
}

function percentile(samples: number[], fraction: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
}

/** Each bystander sends `clock:sync` at an honest pace for `ms`; returns every ack latency. */
async function measureBystanders(sockets: TestSocket[], ms: number): Promise<number[]> {
  const latencies: number[] = [];
  const until = performance.now() + ms;
  await Promise.all(
    sockets.map(async (socket) => {
      while (performance.now() < until) {
        const started = performance.now();
        const result = (await socket.timeout(5_000).emitWithAck('clock:sync', {
          clientSentAt: Date.now(),
        })) as { ok: boolean };
        latencies.push(performance.now() - started);
        expect(result.ok).toBe(true);
        await new Promise((resolve) => setTimeout(resolve, BYSTANDER_GAP_MS));
      }
    }),
  );
  return latencies;
}

/** Starts the flooder; resolves once it is flooding, with a promise of its final report. */
async function startFlood(
  server: TestServer,
  attacker: TestPerson,
  ms: number,
): Promise<Promise<FloodReport>> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', FLOODER, server.url, attacker.cookie, String(ms)],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  const report = new Promise<FloodReport>((resolve, reject) => {
    child.once('exit', (code) => {
      const last = output.trim().split('\n').at(-1) ?? '';
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last) as FloodReport);
      else reject(new Error(`flooder exited ${code}: ${output}`));
    });
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('flooding')) resolve();
    });
    child.once('exit', () => reject(new Error(`flooder stopped early: ${output}`)));
  });
  return report;
}

async function floodScenario(
  attackerServer: TestServer,
  bystanders: TestSocket[],
  attacker: TestPerson,
) {
  await Promise.all(bystanders.map(waitForConnect));
  // Warm up (first commands load code paths and sessions), then the baseline.
  await measureBystanders(bystanders, 1_000);
  const before = await measureBystanders(bystanders, WINDOW_MS);
  const flood = await startFlood(attackerServer, attacker, WINDOW_MS + 1_500);
  const during = await measureBystanders(bystanders, WINDOW_MS);
  const report = await flood;
  const p99Before = percentile(before, 0.99);
  const p99During = percentile(during, 0.99);
  console.info(
    `[AT-RS4] flood: sent ${report.sent}, accepted ${report.accepted}, refused ${report.refused}; ` +
      `bystanders p50 ${percentile(before, 0.5).toFixed(1)} → ${percentile(during, 0.5).toFixed(1)} ms, ` +
      `p99 ${p99Before.toFixed(1)} → ${p99During.toFixed(1)} ms (${before.length}/${during.length} samples)`,
  );
  return { report, p99Before, p99During };
}

function expectFloodRefused(report: FloodReport, seconds: number, perConnection: number) {
  expect(report.refused).toBeGreaterThan(0);
  expect(report.maxRetryAfterMs).toBeGreaterThan(0);
  expect(report.maxRetryAfterMs).toBeLessThanOrEqual(1_000);
  expect(report.other).toBe(0);
  // At most the connection's budget per (started) window got through.
  expect(report.accepted).toBeLessThanOrEqual(perConnection * (Math.ceil(seconds) + 1));
}

const FLOOD_SECONDS = (WINDOW_MS + 1_500) / 1_000;

describe('[AT-RS4] command floods', () => {
  it('[AT-RS4][C11] one instance (SQLite): the flood is refused, bystanders keep their speed', async () => {
    // The budgets people meet (test servers otherwise let drivers click at machine speed).
    const server = await startTestServer({ commandLimits: DEFAULT_COMMAND_LIMITS });
    const people = await setWithPeople(server.url, await server.setupUrl(), 5);
    const [attacker, ...others] = people.members;
    const bystanders = [people.facilitator, people.organiser, ...others].map((person) =>
      connectSocket(server.url, { as: person }),
    );
    const { report, p99Before, p99During } = await floodScenario(server, bystanders, attacker!);
    expectFloodRefused(report, FLOOD_SECONDS, 30);
    expect(p99During).toBeLessThanOrEqual(2 * p99Before);
  });

  it('[AT-RS4][C11] a person over budget is refused on every connection (the person budget)', async () => {
    const server = await startTestServer({
      commandLimits: {
        perConnection: { points: 30, durationSeconds: 60 },
        perPerson: { points: 40, durationSeconds: 60 },
      },
    });
    const people = await setWithPeople(server.url, await server.setupUrl(), 1);
    const tabs = [0, 1].map(() => connectSocket(server.url, { as: people.members[0]! }));
    await Promise.all(tabs.map(waitForConnect));
    const codes: string[] = [];
    for (let index = 0; index < 50; index++) {
      const result = (await tabs[index % 2]!.emitWithAck('clock:sync', {
        clientSentAt: Date.now(),
      })) as { ok: boolean; error?: { code: string; retryAfterMs?: number } };
      codes.push(result.ok ? 'ok' : result.error!.code);
      if (!result.ok) expect(result.error!.retryAfterMs).toBeGreaterThan(0);
    }
    // 25 per tab: each tab is within its own budget, the person is not.
    expect(codes.filter((code) => code === 'ok')).toHaveLength(40);
    expect(codes.slice(40)).toEqual(Array(10).fill('rate_limited'));
    // Someone else is not affected.
    const other = connectSocket(server.url, { as: people.facilitator });
    await waitForConnect(other);
    expect(
      ((await other.emitWithAck('clock:sync', { clientSentAt: 1 })) as { ok: boolean }).ok,
    ).toBe(true);
  });
});

const redis = await redisForSuite('[AT-RS4] command floods on Redis');

describe.skipIf(!redis.available)('[AT-RS4] command floods on Redis', () => {
  it('[AT-RS4][C11] two instances on Redis: the person budget holds across instances', async () => {
    const backend = redisBackend('rs4-budget');
    const limits = {
      perConnection: { points: 30, durationSeconds: 60 },
      perPerson: { points: 40, durationSeconds: 60 },
    };
    const east = await backend.startInstance({ commandLimits: limits });
    const west = await backend.startInstance({ commandLimits: limits });
    const people = await setWithPeople(east.url, await east.setupUrl(), 1);
    const tabs = [east, west].map((server) =>
      connectSocket(server.url, { as: people.members[0]! }),
    );
    await Promise.all(tabs.map(waitForConnect));
    let accepted = 0;
    for (let index = 0; index < 50; index++) {
      const result = (await tabs[index % 2]!.emitWithAck('clock:sync', {
        clientSentAt: Date.now(),
      })) as { ok: boolean };
      if (result.ok) accepted++;
    }
    expect(accepted).toBe(40);
  });

  it('[AT-RS4][C11] two instances on Redis: the flood is refused, bystanders on both keep their speed', async () => {
    const backend = redisBackend('rs4-flood');
    const east = await backend.startInstance({ commandLimits: DEFAULT_COMMAND_LIMITS });
    const west = await backend.startInstance({ commandLimits: DEFAULT_COMMAND_LIMITS });
    const people = await setWithPeople(east.url, await east.setupUrl(), 5);
    const [attacker, ...others] = people.members;
    const bystanders = [people.facilitator, people.organiser, ...others].map((person, index) =>
      connectSocket((index % 2 === 0 ? east : west).url, { as: person }),
    );
    const { report, p99Before, p99During } = await floodScenario(east, bystanders, attacker!);
    expectFloodRefused(report, FLOOD_SECONDS, 30);
    expect(p99During).toBeLessThanOrEqual(2 * p99Before);
  });
});

/**
 * `npm run bench:load`: Setboard (SQLite, then Redis) side by side with the reference
 * `@y/websocket-server` (no auth, no gate, no persistence), driven in the same run by the same
 * real y-websocket clients. Not a test: it prints figures (README, "Performance").
 *
 * Settings (environment):
 *   LOAD_SECONDS   typing time per phase (default 20)
 *   LOAD_BOARDS    board counts, comma-separated (default 25,100; 8 connections each)
 *   LOAD_BACKENDS  Setboard stores to run (default sqlite,redis; redis needs REDIS_URL or
 *                  127.0.0.1:6379)
 *   LOAD_FANOUT    Socket.IO connections in the meeting fan-out phase (default 200; 0 skips it)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parsePrometheus } from '../../support/prometheus.js';
import { REPO_ROOT, cpuSeconds, freePort, rssBytes, startChild, type Child } from './processes.js';
import { meetingFanOut, type FanOutResult } from './meeting-fanout.js';
import { setboardBoards } from './setboard-boards.js';
import { CONNECTIONS_PER_BOARD, connectBoards, typeFor, type BoardTarget } from './typing.js';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 20);
const BOARD_COUNTS = (process.env.LOAD_BOARDS ?? '25,100').split(',').map(Number);
const BACKENDS = (process.env.LOAD_BACKENDS ?? 'sqlite,redis').split(',');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const FANOUT_CONNECTIONS = Number(process.env.LOAD_FANOUT ?? 200);
const FANOUT_COMMANDS = 100;
/** When set, each Setboard server writes a V8 CPU profile here (open it in Chrome DevTools). */
const PROFILE_DIR = process.env.LOAD_PROFILE_DIR;

type ServerKind = 'reference' | 'setboard-sqlite' | 'setboard-redis';

interface Started {
  child: Child;
  targets: BoardTarget[];
  /** Event-loop delay p99 in seconds since the last read (each read starts a new window). */
  loopP99(): Promise<number>;
  cleanup(): void;
}

interface PhaseResult {
  kind: ServerKind;
  boards: number;
  p50: number;
  p99: number;
  cpuPerDeliveryUs: number;
  loopP99Ms: number;
  rssMb: number;
  deliveries: number;
  loadGenCpuShare: number;
}

// Every y-websocket provider listens for the process's exit: 800 of them are expected here.
process.setMaxListeners(0);

const print = (line = '') => process.stdout.write(`${line}\n`);

async function startReference(boards: number): Promise<Started> {
  const port = await freePort();
  const child = await startChild(
    [path.join(REPO_ROOT, 'tests/bench/load/reference-server.mjs'), String(port)],
    {},
    'reference ready',
  );
  const targets = Array.from({ length: boards }, (_, index) => ({
    serverUrl: `ws://127.0.0.1:${port}/yjs`,
    docName: `board-${index}`,
    headers: {},
  }));
  return {
    child,
    targets,
    loopP99: async () => Number(await (await fetch(`http://127.0.0.1:${port}/loop`)).text()),
    cleanup: () => {},
  };
}

/** A Setboard server process on `backend`, with its set-up link and its /metrics scrape. */
async function startSetboardServer(backend: string) {
  const [port, metricsPort] = [await freePort(), await freePort()];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'setboard-load-'));
  const env: Record<string, string> = {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    METRICS_PORT: String(metricsPort),
    LOG_LEVEL: 'warn',
    // The load plays many members, each "from" an address of their own behind a local proxy
    // (setboard-boards.ts): believe X-Forwarded-For from loopback, as a deployment behind one
    // would, so the per-address limit on redeeming links does not cap the run.
    TRUST_PROXY: 'loopback',
    ...(backend === 'redis'
      ? { REDIS_URL, REDIS_KEY_PREFIX: `setboard-load-${process.pid}-${Date.now()}:` }
      : {}),
  };
  const profile = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const child = await startChild(
    [...profile, '--import', 'tsx', path.join(REPO_ROOT, 'server/src/main.ts')],
    env,
    'Setboard is running at',
    { graceful: PROFILE_DIR !== undefined },
  );
  const url = `http://127.0.0.1:${port}`;
  const setupUrl = /https?:\/\/\S+\/setup#[\w-]+/.exec(child.output())?.[0];
  if (!setupUrl) throw new Error('Setboard printed no set-up link');
  const scrape = async () =>
    parsePrometheus(await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text());
  return {
    child,
    url,
    setupUrl,
    loopP99: async () => (await scrape()).get('nodejs_eventloop_lag_p99_seconds') ?? NaN,
    cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

async function startSetboard(boards: number, backend: string): Promise<Started> {
  const server = await startSetboardServer(backend);
  return { ...server, targets: await setboardBoards(server.url, server.setupUrl, boards) };
}

/** The meeting fan-out on a fresh Setboard server of `backend`. */
async function fanOutPhase(backend: string): Promise<FanOutResult> {
  const server = await startSetboardServer(backend);
  try {
    return await meetingFanOut(server.url, server.setupUrl, FANOUT_CONNECTIONS, FANOUT_COMMANDS);
  } finally {
    await server.child.stop();
    server.cleanup();
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function phase(kind: ServerKind, boards: number): Promise<PhaseResult> {
  const started =
    kind === 'reference'
      ? await startReference(boards)
      : await startSetboard(boards, kind === 'setboard-redis' ? 'redis' : 'sqlite');
  const pid = started.child.child.pid!;
  const load = await connectBoards(started.targets);
  try {
    await started.loopP99(); // starts the measured window
    const serverCpu0 = cpuSeconds(pid);
    const ownCpu0 = process.cpuUsage();
    const wall0 = performance.now();
    const run = await typeFor(load.boards, SECONDS);
    const wallSeconds = (performance.now() - wall0) / 1000;
    const serverCpu = cpuSeconds(pid) - serverCpu0;
    const ownCpu = process.cpuUsage(ownCpu0);
    const loopP99 = await started.loopP99();
    const sorted = run.latencies.sort((a, b) => a - b);
    return {
      kind,
      boards,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      cpuPerDeliveryUs: (serverCpu / Math.max(1, run.deliveries)) * 1e6,
      loopP99Ms: loopP99 * 1000,
      rssMb: rssBytes(pid) / 1e6,
      deliveries: run.deliveries,
      loadGenCpuShare: (ownCpu.user + ownCpu.system) / 1e6 / wallSeconds,
    };
  } finally {
    load.destroy();
    await started.child.stop();
    started.cleanup();
  }
}

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

function printResults(results: PhaseResult[]): void {
  print(
    'server            boards conns  p50 ms  p99 ms  CPU µs/delivery  loop p99 ms  RSS MB  deliveries  loadgen CPU',
  );
  for (const r of results) {
    print(
      `${r.kind.padEnd(17)} ${String(r.boards).padStart(6)} ${String(r.boards * CONNECTIONS_PER_BOARD).padStart(5)}` +
        ` ${fixed(r.p50).padStart(7)} ${fixed(r.p99).padStart(7)} ${fixed(r.cpuPerDeliveryUs).padStart(16)}` +
        ` ${fixed(r.loopP99Ms).padStart(12)} ${fixed(r.rssMb, 0).padStart(7)} ${String(r.deliveries).padStart(11)}` +
        ` ${fixed(r.loadGenCpuShare * 100, 0).padStart(11)}%`,
    );
  }
}

function printRatios(results: PhaseResult[]): void {
  print();
  print('Setboard / reference     boards  CPU per delivery  p99 propagation');
  for (const r of results) {
    if (r.kind === 'reference') continue;
    const reference = results.find((x) => x.kind === 'reference' && x.boards === r.boards);
    if (!reference) continue;
    print(
      `${r.kind.padEnd(24)} ${String(r.boards).padStart(6)} ${fixed(r.cpuPerDeliveryUs / reference.cpuPerDeliveryUs, 2).padStart(16)}×` +
        ` ${fixed(r.p99 / reference.p99, 2).padStart(15)}×`,
    );
  }
}

async function main(): Promise<void> {
  print(
    `Load: ${BOARD_COUNTS.join(' and ')} boards × ${CONNECTIONS_PER_BOARD} connections, 2 typists per board, 4 characters every 400 ms, ${SECONDS} s per phase`,
  );
  print(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`);
  print();
  const results: PhaseResult[] = [];
  for (const boards of BOARD_COUNTS) {
    // Alternating: the reference, then each Setboard store, at each size.
    const kinds: ServerKind[] = [
      'reference',
      ...BACKENDS.map((backend) => `setboard-${backend}` as ServerKind),
    ];
    for (const kind of kinds) {
      process.stderr.write(`… ${kind}, ${boards} boards\n`);
      results.push(await phase(kind, boards));
    }
  }
  printResults(results);
  printRatios(results);
  if (FANOUT_CONNECTIONS > 0) {
    print();
    print(
      `Meeting fan-out: ${FANOUT_CONNECTIONS} Socket.IO connections subscribed to one meeting,`,
    );
    print(`${FANOUT_COMMANDS} commands one at a time, send → heard by the last connection`);
    for (const backend of BACKENDS) {
      process.stderr.write(`… meeting fan-out, ${backend}\n`);
      const result = await fanOutPhase(backend);
      print(
        `setboard-${backend.padEnd(8)} p50 ${fixed(result.p50).padStart(6)} ms   p99 ${fixed(result.p99).padStart(6)} ms`,
      );
    }
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:load failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);

/**
 * `npm run bench:cold-load`: how long a board with 10,000 updates of history takes to reach
 * "synced" on a server that has not opened it since it started (target ≤ 50 ms).
 *
 * A board's history is written straight into the SQLite file as 10,000 keystroke updates; the
 * server is started fresh and one real y-websocket provider opens the board. The server compacts
 * a long log in the background after loading it, so the run is repeated after a restart to show
 * the second (compacted) load too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { SqliteStore } from '../../../server/src/store/sqlite/sqlite-store.js';
import { REPO_ROOT, freePort, startChild } from './processes.js';
import { setboardBoards } from './setboard-boards.js';

const HISTORY = Number(process.env.COLD_LOAD_UPDATES ?? 10_000);
const ROUNDS = 5;
const print = (line = '') => process.stdout.write(`${line}\n`);

function typingHistory(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = doc.getText('notes');
  for (let i = 0; i < count; i++) {
    if (i % 10 === 9) text.delete(text.length - 1, 1);
    else text.insert(text.length, String.fromCharCode(97 + (i % 26)));
  }
  return updates;
}

async function startServer(dataDir: string, port: number) {
  return startChild(
    ['--import', 'tsx', path.join(REPO_ROOT, 'server/src/main.ts')],
    { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    'Setboard is running at',
  );
}

/** Milliseconds from opening the connection to the provider's first sync. */
async function timeToSynced(target: {
  serverUrl: string;
  docName: string;
  headers: Record<string, string>;
}) {
  const headers = target.headers;
  const polyfill = class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  } as unknown as typeof globalThis.WebSocket;
  const doc = new Y.Doc();
  const started = performance.now();
  const provider = new WebsocketProvider(target.serverUrl, target.docName, doc, {
    WebSocketPolyfill: polyfill,
    disableBc: true,
  });
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  const elapsed = performance.now() - started;
  const length = doc.getText('notes').length;
  provider.destroy();
  doc.destroy();
  return { elapsed, length };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'setboard-cold-'));
  const port = await freePort();
  try {
    let server = await startServer(dataDir, port);
    const url = `http://127.0.0.1:${port}`;
    const setupUrl = /https?:\/\/\S+\/setup#[\w-]+/.exec(server.output())![0];
    // One more board, with no history: opened first after each start, so the process is warm
    // (modules loaded, JIT) and only the history's load is measured.
    const [warmUp, ...targets] = await setboardBoards(url, setupUrl, ROUNDS + 1);
    await server.stop();

    const store = SqliteStore.open({ file: path.join(dataDir, 'setboard.sqlite') });
    const history = typingHistory(HISTORY);
    for (const target of targets) {
      for (const update of history) await store.appendUpdate(target.docName, update);
    }
    await store.close();

    print(
      `Cold load of a board with ${HISTORY} updates of history (SQLite), each on a fresh start:`,
    );
    const first: number[] = [];
    for (const target of targets) {
      server = await startServer(dataDir, port);
      await timeToSynced(warmUp!);
      const { elapsed, length } = await timeToSynced(target);
      first.push(elapsed);
      print(`  first open since start: ${elapsed.toFixed(1)} ms (${length} characters)`);
      await new Promise((resolve) => setTimeout(resolve, 2000)); // the background compaction
      await server.stop();
      server = await startServer(dataDir, port);
      await timeToSynced(warmUp!);
      const again = await timeToSynced(target);
      print(
        `  after its compaction:   ${again.elapsed.toFixed(1)} ms (${again.length} characters)`,
      );
      await server.stop();
    }
    const sorted = [...first].sort((a, b) => a - b);
    print(
      `Median first open: ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms (target ≤ 50 ms)`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:cold-load failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);

/**
 * `npm run bench:cold-load`: how long a board with 10,000 updates of history takes to reach
 * "synced" on a server that has not opened it since it started (target ≤ 50 ms).
 *
 * A board's history of 10,000 keystroke updates is written straight into the SQLite file, twice:
 * as a server writes it (compacted after every 500 appends, leaving a snapshot and 500 updates,
 * one more than the longest tail a server leaves) and never compacted (every update a row: what many instances
 * that never compacted, or a server killed again and again, could leave). The server is started
 * fresh and one real y-websocket provider opens the board.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { SqliteStore } from '../../../server/src/store/sqlite/sqlite-store.js';
import {
  COMPACT_EVERY_UPDATES,
  compactStoredLog,
} from '../../../server/src/realtime/yjs/shared-doc.js';
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

/** Appends `history` as a server would: its log compacted after every 500 appends. */
async function appendAsTheServerWould(store: SqliteStore, docName: string, history: Uint8Array[]) {
  for (const [index, update] of history.entries()) {
    await store.appendUpdate(docName, update);
    // No compaction at the very end: a tail of 500 stays, one more than a server ever leaves.
    if ((index + 1) % COMPACT_EVERY_UPDATES === 0 && index + COMPACT_EVERY_UPDATES < history.length)
      await compactStoredLog(store, docName);
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'setboard-cold-'));
  const port = await freePort();
  try {
    let server = await startServer(dataDir, port);
    const url = `http://127.0.0.1:${port}`;
    const setupUrl = /https?:\/\/\S+\/setup#[\w-]+/.exec(server.output())![0];
    // One more board, with no history: opened first after each start, so the process is warm
    // (modules loaded) and only the history's load is measured.
    const [warmUp, ...targets] = await setboardBoards(url, setupUrl, 2 * ROUNDS + 1);
    await server.stop();
    const raw = targets.slice(0, ROUNDS);
    const asWritten = targets.slice(ROUNDS);

    const store = SqliteStore.open({ file: path.join(dataDir, 'setboard.sqlite') });
    const history = typingHistory(HISTORY);
    for (const target of raw) {
      for (const update of history) await store.appendUpdate(target.docName, update);
    }
    for (const target of asWritten) await appendAsTheServerWould(store, target.docName, history);
    const storedAsWritten = (await store.loadDoc(asWritten[0]!.docName)).updates.length;
    await store.close();

    const firstOpen = async (target: (typeof targets)[number]) => {
      server = await startServer(dataDir, port);
      await timeToSynced(warmUp!);
      const result = await timeToSynced(target);
      await server.stop();
      return result;
    };
    print(
      `Cold load of a board with ${HISTORY} updates of history (SQLite), each on a fresh start.`,
    );
    print(
      `As a server writes it (compacted every ${COMPACT_EVERY_UPDATES} appends: a snapshot and ${storedAsWritten - 1} updates, one more than a server leaves):`,
    );
    const written: number[] = [];
    for (const target of asWritten) {
      const { elapsed, length } = await firstOpen(target);
      written.push(elapsed);
      print(`  first open since start: ${elapsed.toFixed(1)} ms (${length} characters)`);
    }
    print(`Never compacted (all ${HISTORY} updates stored one by one):`);
    const uncompacted: number[] = [];
    for (const target of raw) {
      const { elapsed, length } = await firstOpen(target);
      uncompacted.push(elapsed);
      print(`  first open since start: ${elapsed.toFixed(1)} ms (${length} characters)`);
    }
    print(
      `Median first open, as a server writes it: ${median(written).toFixed(1)} ms (target ≤ 50 ms)`,
    );
    print(`Median first open, never compacted:       ${median(uncompacted).toFixed(1)} ms`);
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

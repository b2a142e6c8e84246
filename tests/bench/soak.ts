/**
 * `npm run bench:soak`: a memory soak (not a test). The server runs in its own process; this
 * process plays 200 Socket.IO clients and 20 typists with real y-websocket providers for
 * several rounds, then lets the server idle, forces a garbage collection there and prints its
 * RSS and heap. Memory that keeps rising round after round, once idle, is a leak.
 *
 * Settings (environment): SOAK_ROUNDS (4), SOAK_ROUND_SECONDS (60), SOAK_IDLE_SECONDS (10),
 * SOAK_SOCKETS (200), SOAK_TYPISTS (20), REDIS_URL (use the Redis store instead of SQLite).
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { YJS_PATH } from '@setboard/shared';
import { openSocket } from '../support/socket-open.js';
import {
  acceptInvitation,
  createSet,
  invite,
  setUpOrganiser,
  type TestPerson,
} from '../support/actors.js';

const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const ROUNDS = setting('SOAK_ROUNDS', 4);
const ROUND_MS = setting('SOAK_ROUND_SECONDS', 60) * 1_000;
const IDLE_MS = setting('SOAK_IDLE_SECONDS', 10) * 1_000;
const SOCKETS = setting('SOAK_SOCKETS', 200);
const TYPISTS = setting('SOAK_TYPISTS', 20);
/** People per set who type (the set's members; the facilitator only connects). */
const TYPISTS_PER_SET = 4;

interface Memory {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  docsOpen: number | null;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function startServer() {
  const child = fork(path.join(here, 'soak-server.ts'), [], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const ready = new Promise<{ url: string; setupUrl: string }>((resolve) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      // The server's own warnings (JSON log lines) are worth seeing.
      if (process.env.SOAK_SERVER_LOGS) process.stderr.write(chunk);
      const match = /listening (\S+) (\S+)/.exec(output);
      if (match) resolve({ url: match[1]!, setupUrl: match[2]! });
    });
  });
  const measure = () =>
    new Promise<Memory>((resolve) => {
      child.once('message', (memory) => resolve(memory as Memory));
      child.send('measure');
    });
  return { child, ready, measure };
}

/** Sets of a facilitator and four typing members, enough for `TYPISTS`. */
async function people(url: string, setupUrl: string) {
  const organiser = await setUpOrganiser(url, setupUrl);
  const everyone: TestPerson[] = [organiser];
  const typists: Array<{ person: TestPerson; docName: string }> = [];
  for (let index = 0; typists.length < TYPISTS; index++) {
    const set = await createSet(url, organiser);
    everyone.push(
      await acceptInvitation(
        url,
        await invite(url, organiser, set.id, 'facilitator'),
        `Fac ${index}`,
      ),
    );
    for (let member = 0; member < TYPISTS_PER_SET && typists.length < TYPISTS; member++) {
      const person = await acceptInvitation(
        url,
        await invite(url, organiser, set.id),
        `Member ${index}.${member}`,
      );
      everyone.push(person);
      typists.push({ person, docName: `set:${set.id}` });
    }
  }
  return { everyone, typists };
}

function connectTypist(url: string, person: TestPerson, docName: string) {
  const headers = { origin: url, cookie: person.cookie };
  const Polyfill = class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  };
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${url.replace(/^http/, 'ws')}${YJS_PATH}`, docName, doc, {
    WebSocketPolyfill: Polyfill as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  if (process.env.SOAK_SERVER_LOGS) {
    provider.on('connection-close', (event: { code?: number; reason?: string } | null) =>
      process.stderr.write(`typist closed: ${event?.code} ${event?.reason}\n`),
    );
  }
  return { doc, provider };
}

/** One round: everyone connects, sockets sync clocks, typists type; then all disconnect. */
async function round(
  url: string,
  everyone: TestPerson[],
  typists: Array<{ person: TestPerson; docName: string }>,
) {
  const sockets = Array.from({ length: SOCKETS }, (_, index) =>
    openSocket(url, { as: everyone[index % everyone.length]! }),
  );
  const editors = typists.map(({ person, docName }) => connectTypist(url, person, docName));
  const clock = setInterval(() => {
    for (const socket of sockets) socket.emit('clock:sync', { clientSentAt: Date.now() }, () => {});
  }, 2_000);
  let typed = 0;
  const typing = setInterval(() => {
    for (const { doc, provider } of editors) {
      if (!provider.synced) continue;
      const text = doc.getText('notes');
      // Mostly typing, sometimes deleting, as people do.
      if (typed % 7 === 6 && text.length > 0) text.delete(text.length - 1, 1);
      else text.insert(text.length, String.fromCharCode(97 + (typed % 26)));
      typed++;
    }
  }, 150);
  await sleep(ROUND_MS);
  clearInterval(clock);
  clearInterval(typing);
  for (const socket of sockets) socket.disconnect();
  for (const { doc, provider } of editors) {
    provider.destroy();
    doc.destroy();
  }
  return { typed, connected: sockets.filter((socket) => socket.id !== undefined).length };
}

async function main() {
  // Each y-websocket provider in Node listens for the process's exit: one per typist.
  process.setMaxListeners(TYPISTS + 10);
  const server = startServer();
  const { url, setupUrl } = await server.ready;
  const { everyone, typists } = await people(url, setupUrl);
  await sleep(IDLE_MS);
  const baseline = await server.measure();
  process.stdout.write(
    `soak: ${ROUNDS} rounds of ${ROUND_MS / 1000} s, ${SOCKETS} sockets, ${typists.length} typists, ` +
      `idle ${IDLE_MS / 1000} s (${process.env.REDIS_URL ? 'Redis' : 'SQLite'})\n`,
  );
  const line = (label: string, memory: Memory) =>
    process.stdout.write(
      `${label}: rss ${mb(memory.rss)}, heap ${mb(memory.heapUsed)}, external ${mb(memory.external)}, ` +
        `array buffers ${mb(memory.arrayBuffers)}, docs open ${memory.docsOpen ?? '?'}\n`,
    );
  line('before round 1 (idle)', baseline);
  for (let index = 1; index <= ROUNDS; index++) {
    const { typed } = await round(url, everyone, typists);
    await sleep(IDLE_MS);
    line(`after round ${index} (idle; ${typed} keystrokes)`, await server.measure());
  }
  server.child.disconnect();
}

main().catch((error: unknown) => {
  process.stderr.write(`soak failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});

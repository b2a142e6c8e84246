/**
 * [AT-RS3][Y21] No amplification: 600 sync step 1 messages on one connection to a board of about
 * 2 MB. Each would be answered with the whole board; answers go through the doc's queue, one at
 * a time per connection, and are paid for from the connection's budget by the bytes they send.
 * The bytes sent stay within that budget, the connection is closed with 4429, `/healthz` answers
 * within 100 ms of its baseline throughout, and the server's RSS grows by less than 100 MB. The
 * server runs in its own process, so its RSS and its answers are its own.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { YjsCloseCode } from '@setboard/shared';
import { setWithPeople, type TestPerson } from '../../support/actors.js';
import { sqliteBackend } from '../../support/backends.js';
import { connectBoard } from '../../support/board-client.js';
import { closeCode, openRaw } from '../../support/raw-yjs.js';
import { findFreePort, startServerProcess } from '../../support/server-process.js';
import { YJS_CONNECTION_BUDGET } from '../../../server/src/realtime/yjs/yjs-connection.js';

const CHUNK_CHARS = 300_000;
const CHUNKS = 7;
const SYNC_STEP_1_EMPTY = Uint8Array.of(0, 0, 1, 0);
const MB = 1024 * 1024;

function rssOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) * 1024;
}

async function healthLatency(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}/healthz`);
  expect(response.status).toBe(200);
  return performance.now() - started;
}

describe('[AT-RS3] sync step 1 amplification', () => {
  it('[AT-RS3][Y21] 600 sync step 1s: bytes within the budget, closed with 4429, /healthz prompt, RSS bounded', async () => {
    const server = await startServerProcess({
      port: await findFreePort(),
      env: sqliteBackend().processEnv,
    });
    const people = await setWithPeople(server.url, server.setupUrl, 2);
    const [mo, ann] = people.members as [TestPerson, TestPerson];
    const docName = `set:${people.set.id}`;

    // An honest board of about 2 MB, grown in messages under the size cap by two people (one
    // person may add at most 2 MiB to a board in a day, Y22).
    const writers = [ann, people.facilitator].map((person) =>
      connectBoard(server.url, docName, person),
    );
    await Promise.all(writers.map((writer) => writer.synced()));
    for (let chunk = 0; chunk < CHUNKS; chunk++) {
      const writer = writers[chunk % writers.length]!;
      writer.doc.getText('notes').insert(0, String(chunk % 10).repeat(CHUNK_CHARS));
    }
    const reader = connectBoard(server.url, docName, ann);
    await reader.waitUntil(
      (doc) => doc.getText('notes').length === CHUNKS * CHUNK_CHARS,
      'the whole board',
    );
    const boardBytes = Y.encodeStateAsUpdate(reader.doc).byteLength;
    for (const writer of writers) writer.destroy();

    const baseline: number[] = [];
    for (let round = 0; round < 20; round++) baseline.push(await healthLatency(server.url));
    const rssBefore = rssOf(server.child.pid!);

    const socket = await openRaw(server.url, docName, mo);
    let received = 0;
    socket.on('message', (data: Buffer) => (received += data.byteLength));
    let code: number | null = null;
    void closeCode(socket).then((closed) => (code = closed));
    for (let sent = 0; sent < 600; sent++) socket.send(SYNC_STEP_1_EMPTY);

    const during: number[] = [];
    let rssPeak = rssBefore;
    while (code === null || during.length < 5) {
      during.push(await healthLatency(server.url));
      rssPeak = Math.max(rssPeak, rssOf(server.child.pid!));
    }
    const budgetBytes = YJS_CONNECTION_BUDGET.points * YJS_CONNECTION_BUDGET.bytesPerPoint;
    console.info(
      `[AT-RS3] board ${(boardBytes / MB).toFixed(2)} MB; sent to the attacker ` +
        `${(received / MB).toFixed(2)} MB (budget ${(budgetBytes / MB).toFixed(2)} MB); ` +
        `/healthz worst ${Math.max(...baseline).toFixed(1)} → ${Math.max(...during).toFixed(1)} ms ` +
        `(${during.map((ms) => ms.toFixed(0)).join(' ')}); RSS ${(rssBefore / MB).toFixed(0)} → peak ${(rssPeak / MB).toFixed(0)} MB`,
    );
    expect(code).toBe(YjsCloseCode.rateLimited);
    // The few small messages sent on connecting (a state vector, presence) are not charged.
    expect(received).toBeLessThanOrEqual(budgetBytes + 64 * 1024);
    expect(Math.max(...during)).toBeLessThanOrEqual(Math.max(...baseline) + 100);
    expect(rssPeak - rssBefore).toBeLessThan(100 * MB);
    reader.destroy();
    await server.stop('SIGTERM');
  }, 120_000);
});

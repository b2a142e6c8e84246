/**
 * [AT-RS1] No member can make a board unusable for everyone, and a board with a long, busy
 * history stays usable (docs/protocol.md Y22), on SQLite and on Redis:
 *
 * - Fragmenting one's own writing (typing a long text, then deleting every other character) is
 *   charged by what it adds to the board; the writer is closed with 4421 once over their daily
 *   allowance. A flood of fresh client ids closes with 4429 (as an update or as a sync step 2).
 *   Everyone else keeps writing and syncing, through a reconnect and a restart.
 * - An honest board grown to its size limit through typing and deleting: the write that would
 *   pass the limit closes with 4420 and the facilitator is told; a page re-syncing it — whose
 *   delete set alone is larger than the message cap — still syncs, also after a restart. The
 *   facilitator rebuilds it: every page is closed with 4410, pages opened afresh converge on
 *   the same content, and the board is small and writable again.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { describe, expect, it, vi } from 'vitest';
import { MAX_YJS_MESSAGE_BYTES, YjsCloseCode, type NotificationList } from '@setboard/shared';
import { callApi, expectOk, setWithPeople, type TestPerson } from '../../support/actors.js';
import { redisBackend, sqliteBackend, type BackendUnderTest } from '../../support/backends.js';
import { connectBoard, type BoardTestClient } from '../../support/board-client.js';
import { openRaw, sendAndSettle } from '../../support/raw-yjs.js';
import { findFreePort } from '../../support/server-process.js';
import { redisForSuite } from '../../support/services.js';
import {
  startTestServer,
  type TestServer,
  type TestServerOptions,
} from '../../support/test-server.js';
import { waitForConvergence } from '../../support/yjs-client.js';

const redis = await redisForSuite('Board size limits on Redis');

/** Typing a whole board's worth and taking it apart runs the gate over ~200,000 ranges. */
const TIMEOUT_MS = 120_000;

/** Every close the provider meets, with its code. */
function closesOf(board: BoardTestClient): number[] {
  const codes: number[] = [];
  board.provider.on('connection-close', (event) => codes.push(event?.code ?? 0));
  return codes;
}

async function closedWith(codes: number[], code: number): Promise<void> {
  await vi.waitFor(() => expect(codes).toContain(code), { timeout: 30_000, interval: 10 });
}

/**
 * Types `length` characters at the end of `board`'s notes, then deletes every other one of them
 * in one change: text typed and taken apart, as a long, busy history leaves it. Deleting by
 * position would walk the ever more fragmented text each time (minutes, on the test's own event
 * loop); the characters are found by their Yjs ids instead.
 */
function typeAndFragment(board: BoardTestClient, length: number): void {
  board.text.insert(board.text.length, 'x'.repeat(length));
  const client = board.doc.clientID;
  const first = Y.getState(board.doc.store, client) - length;
  board.doc.transact((transaction) => {
    for (let offset = 1; offset < length; offset += 2) {
      const character = Y.getItemCleanStart(transaction, Y.createID(client, first + offset));
      if (offset + 1 < length) {
        Y.getItemCleanStart(transaction, Y.createID(client, first + offset + 1));
      }
      character.delete(transaction);
    }
  });
}

/** One update with a struct and a deleted range under each of `clients` fresh client ids. */
function manyClientsUpdate(clients: number, firstId: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, clients);
  for (let index = 0; index < clients; index++) {
    encoding.writeVarUint(encoder, 1); // one struct
    encoding.writeVarUint(encoder, firstId + index); // its client
    encoding.writeVarUint(encoder, 0); // from clock 0
    encoding.writeUint8(encoder, 4); // a string, placed by its parent's name
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarString(encoder, 'notes');
    encoding.writeVarString(encoder, 'z');
  }
  encoding.writeVarUint(encoder, clients);
  for (let index = 0; index < clients; index++) {
    encoding.writeVarUint(encoder, firstId + index);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 1);
  }
  return encoding.toUint8Array(encoder);
}

/** A y-websocket sync message of `type` (1: step 2, 2: update) carrying `update`. */
function syncMessage(type: 1 | 2, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** A server on `backend` that can be restarted on the same port and data. */
async function restartableServer(backend: BackendUnderTest, options: TestServerOptions = {}) {
  const port = await findFreePort();
  const start = () => startTestServer({ ...options, store: backend.openStore(), port });
  let server = await start();
  return {
    get current(): TestServer {
      return server;
    },
    async restart() {
      await server.close();
      server = await start();
    },
  };
}

/** Ann types a line and waits until Bea's copy has it, and Bea's line reaches Ann. */
async function bothStillWrite(ann: BoardTestClient, bea: BoardTestClient, label: string) {
  ann.text.insert(ann.text.length, ` ann-${label}`);
  bea.text.insert(0, `bea-${label} `);
  const text = await waitForConvergence([ann, bea], 30_000);
  expect(text).toContain(` ann-${label}`);
  expect(text).toContain(`bea-${label} `);
}

function boardSizeSuite(label: string, makeBackend: () => BackendUnderTest) {
  it(
    `[AT-RS1] ${label}: fragmenting one's own writing closes the writer with 4421 and a client-id flood with 4429; everyone else keeps syncing through a reconnect and a restart`,
    { timeout: TIMEOUT_MS },
    async () => {
      const served = await restartableServer(makeBackend());
      const server = served.current;
      const people = await setWithPeople(server.url, await server.setupUrl(), 3);
      const [mo, annPerson, beaPerson] = people.members as [TestPerson, TestPerson, TestPerson];
      const docName = `set:${people.set.id}`;
      const ann = connectBoard(server.url, docName, annPerson);
      const bea = connectBoard(server.url, docName, beaPerson);
      const [annCloses, beaCloses] = [closesOf(ann), closesOf(bea)];
      await Promise.all([ann.synced(), bea.synced()]);
      await bothStillWrite(ann, bea, 'before');

      // Mo, a member, takes their own writing apart, character by character, in a few changes.
      const attacker = connectBoard(server.url, docName, mo);
      const attackerCloses = closesOf(attacker);
      await attacker.synced();
      for (let round = 0; round < 6 && !attackerCloses.includes(4421); round++) {
        typeAndFragment(attacker, 60_000);
        await vi.waitFor(
          () =>
            expect(attackerCloses.includes(4421) || ann.text.length >= attacker.text.length).toBe(
              true,
            ),
          { timeout: 30_000, interval: 10 },
        );
      }
      await closedWith(attackerCloses, YjsCloseCode.writeAllowanceUsed);

      // Structs and deletions under tens of thousands of fresh client ids, as updates and as a
      // sync step 2 (which may be larger than other messages): closed, nothing bound.
      for (const message of [
        syncMessage(2, manyClientsUpdate(19_000, 1_000_000)),
        syncMessage(1, manyClientsUpdate(76_000, 2_000_000)),
      ]) {
        expect(message.byteLength).toBeGreaterThan(256 * 1024);
        const socket = await openRaw(server.url, docName, mo);
        expect(await sendAndSettle(socket, message)).toBe(YjsCloseCode.rateLimited);
      }

      // Everyone else: writing, a reconnect, a restart.
      await bothStillWrite(ann, bea, 'after-attack');
      bea.provider.disconnect();
      bea.provider.connect();
      await bea.synced();
      await bothStillWrite(ann, bea, 'after-reconnect');
      await served.restart();
      await Promise.all([closedWith(annCloses, 1012), closedWith(beaCloses, 1012)]);
      await Promise.all([ann.synced(), bea.synced()]);
      await bothStillWrite(ann, bea, 'after-restart');
      for (const codes of [annCloses, beaCloses]) {
        expect(codes.filter((code) => code >= 4000 || code === 1009)).toEqual([]);
      }
    },
  );

  it(
    `[AT-RS1] ${label}: an honest board grown to its size limit refuses the next write with 4420 and tells the facilitator; it still syncs on reconnect and after a restart; rebuilt, every page converges and it is writable again`,
    { timeout: TIMEOUT_MS },
    async () => {
      // One person's allowance is lifted so that one writer can grow the board to its limit.
      const served = await restartableServer(makeBackend(), {
        boardLimits: { sizeBytes: 4 * 1024 * 1024, perPersonPerDayBytes: 64 * 1024 * 1024 },
      });
      const server = served.current;
      const people = await setWithPeople(server.url, await server.setupUrl(), 2);
      const [annPerson, beaPerson] = people.members as [TestPerson, TestPerson];
      const docName = `set:${people.set.id}`;
      const ann = connectBoard(server.url, docName, annPerson);
      const bea = connectBoard(server.url, docName, beaPerson);
      const annCloses = closesOf(ann);
      const beaCloses = closesOf(bea);
      await Promise.all([ann.synced(), bea.synced()]);

      // Ann types and deletes, as a long year of meetings would, until the board is full.
      for (let round = 0; round < 10 && !annCloses.includes(4420); round++) {
        typeAndFragment(ann, 90_000);
        await vi.waitFor(
          () => expect(annCloses.includes(4420) || bea.text.length >= ann.text.length).toBe(true),
          { timeout: 60_000, interval: 20 },
        );
      }
      await closedWith(annCloses, YjsCloseCode.boardFull);
      expect(Y.encodeStateAsUpdate(bea.doc).byteLength).toBeGreaterThan(3 * 1024 * 1024);
      // Bea's copy: its delete set alone is larger than the message cap.
      const deletions = new Y.Doc();
      Y.applyUpdate(deletions, Y.encodeStateAsUpdate(bea.doc));
      const dsOnly = Y.encodeStateAsUpdate(deletions, Y.encodeStateVector(deletions));
      expect(dsOnly.byteLength).toBeGreaterThan(MAX_YJS_MESSAGE_BYTES);

      // The facilitator is told, with a link to the board.
      await vi.waitFor(
        async () => {
          const { body } = await expectOk<NotificationList>(
            server.url,
            'GET',
            '/api/my/notifications',
            { as: people.facilitator },
          );
          expect(body.notifications.find((item) => item.kind === 'board_full')?.link).toBe(
            `/sets/${people.set.id}/board`,
          );
        },
        { timeout: 10_000, interval: 20 },
      );

      // Bea's page re-syncs (sending that whole delete set): it stays open and in step.
      bea.provider.disconnect();
      bea.provider.connect();
      await bea.synced();
      await served.restart();
      await closedWith(beaCloses, 1012);
      await bea.synced();
      expect(beaCloses.filter((code) => code >= 4000 || code === 1009)).toEqual([]);
      const before = bea.text.toString();

      // The facilitator rebuilds it: every open page is told the board was rebuilt.
      const { body: repaired } = await expectOk<{ bytesBefore: number; bytesAfter: number }>(
        served.current.url,
        'POST',
        `/api/boards/${encodeURIComponent(docName)}/repair`,
        { as: people.facilitator, body: { confirm: true } },
      );
      expect(repaired.bytesBefore).toBeGreaterThan(3 * 1024 * 1024);
      expect(repaired.bytesAfter).toBeLessThan(repaired.bytesBefore / 4);
      await closedWith(beaCloses, YjsCloseCode.rebuilt);

      // Pages opened afresh converge on what the board held, and can write again.
      const annAgain = connectBoard(served.current.url, docName, annPerson);
      const beaAgain = connectBoard(served.current.url, docName, beaPerson);
      await Promise.all([annAgain.synced(), beaAgain.synced()]);
      expect(await waitForConvergence([annAgain, beaAgain])).toBe(before);
      await bothStillWrite(annAgain, beaAgain, 'after-repair');
    },
  );

  it(`[AT-RS1] ${label}: only the set's facilitator may rebuild its board`, async () => {
    const server = await startTestServer({ store: makeBackend().openStore() });
    const people = await setWithPeople(server.url, await server.setupUrl(), 1);
    const path = `/api/boards/${encodeURIComponent(`set:${people.set.id}`)}/repair`;
    const asMember = await callApi<{ error: { message: string } }>(server.url, 'POST', path, {
      as: people.members[0]!,
      body: { confirm: true },
    });
    expect(asMember.status).toBe(403);
    expect(asMember.body.error.message).toMatch(/facilitator/);
    const unconfirmed = await callApi(server.url, 'POST', path, {
      as: people.facilitator,
      body: {},
    });
    expect(unconfirmed.status).toBe(400);
  });
}

describe('Board size limits on SQLite', () => boardSizeSuite('SQLite', sqliteBackend));

describe.skipIf(!redis.available)('Board size limits on Redis', () =>
  boardSizeSuite('Redis', () => redisBackend('board-size')),
);

/**
 * Revocation that holds when its message is lost (issue 18, docs/protocol.md H5 and Y11): a
 * member's connections sit on instance B while B's Redis pub/sub connections keep dropping, and
 * the member is removed (or signs out) through instance A. B never hears the removal's message;
 * it still closes their board and Socket.IO connections within the sweep interval, stores and
 * relays none of what they type afterwards, and sends them nothing anyone writes afterwards.
 */
import { performance } from 'node:perf_hooks';
import { describe, expect, it, vi } from 'vitest';
import { YjsCloseCode, type SetView } from '@setboard/shared';
import { MAX_SWEEP_INTERVAL_MS } from '../../../server/src/realtime/connection-sweep.js';
import { subscriberConnectionName } from '../../../server/src/store/redis/doc-subscriber.js';
import type { RedisStore } from '../../../server/src/store/redis/redis-store.js';
import { Collection, type SetRecord } from '../../../server/src/access/records.js';
import { expectOk, setWithPeople, type TestPerson } from '../../support/actors.js';
import { redisBackend } from '../../support/backends.js';
import { connectBoard, type BoardTestClient } from '../../support/board-client.js';
import { keepSubscribersDown } from '../../support/pubsub-killer.js';
import { redisForSuite } from '../../support/services.js';
import { connectSocket, waitForConnect } from '../../support/socket-client.js';
import { storedDoc } from '../../support/stored-doc.js';
import type { TestServer } from '../../support/test-server.js';

const redis = await redisForSuite('Revocation on an instance that missed it');

/** The bound H5 and Y11 promise: the sweep interval, plus the sweep's own round of reads. */
const CLOSED_WITHIN_MS = MAX_SWEEP_INTERVAL_MS + 500;

function storeSubscriberOf(server: TestServer): string {
  const store = server.store as RedisStore;
  return subscriberConnectionName(Buffer.from(store.instanceId, 'utf8'));
}

/** When the provider is closed for good (a 44xx code), and with which code. */
function closedForGood(board: BoardTestClient) {
  let closed: { code: number; at: number } | null = null;
  board.provider.on('connection-close', (event) => {
    const code = event?.code ?? 0;
    if (code >= 4400 && code < 4500) closed ??= { code, at: performance.now() };
  });
  return {
    get now() {
      return closed;
    },
    arrived: () =>
      vi.waitFor(
        () => {
          if (!closed) throw new Error('the board is still open');
          return closed;
        },
        { timeout: CLOSED_WITHIN_MS + 2_000, interval: 10 },
      ),
  };
}

type Revocation = 'removal' | 'sign-out';

async function revoke(
  how: Revocation,
  via: TestServer,
  set: SetView,
  who: TestPerson,
  by: TestPerson,
) {
  if (how === 'removal') {
    await expectOk(via.url, 'DELETE', `/api/sets/${set.id}/members/${who.personId}`, { as: by });
  } else {
    await expectOk(via.url, 'POST', '/api/sign-out', { as: who });
  }
}

/**
 * `quiet`: nobody writes after the revocation, so nothing on the board itself gives B a reason to
 * ask the store; only the sweep (periodic, and after each reconnect) can close the leaver.
 */
async function revocationOnALaggingInstance(how: Revocation, { quiet = false } = {}) {
  const backend = redisBackend(`revocation-${how}`);
  const [a, b] = [await backend.startInstance(), await backend.startInstance()];
  const people = await setWithPeople(a.url, await a.setupUrl());
  const [leaver, stayer] = people.members as [TestPerson, TestPerson];
  const docName = `set:${people.set.id}`;

  const leaverSocket = connectSocket(b.url, { as: leaver });
  await waitForConnect(leaverSocket);
  const leaverBoard = connectBoard(b.url, docName, leaver);
  const neighbourBoard = connectBoard(b.url, docName, people.facilitator); // on B, like the leaver
  const stayerBoard = connectBoard(a.url, docName, stayer);
  await Promise.all([leaverBoard, neighbourBoard, stayerBoard].map((board) => board.synced()));
  stayerBoard.text.insert(0, 'Before. ');
  await leaverBoard.waitUntil((doc) => doc.getText('notes').toString() === 'Before. ', 'seen');

  const leaverClosed = closedForGood(leaverBoard);
  let socketClosedAt: number | null = null;
  leaverSocket.on('disconnect', () => (socketClosedAt ??= performance.now()));

  // B's pub/sub connections (the store's and the Socket.IO adapter's) go down, and stay down
  // while the revocation happens: B hears neither the removal's message nor A's edits.
  const killer = keepSubscribersDown(backend.newClient(), [
    storeSubscriberOf(b),
    backend.adapterConnectionName(1),
  ]);
  await vi.waitFor(() => expect(killer.killed).toBeGreaterThanOrEqual(2), { interval: 5 });

  await revoke(how, a, people.set, leaver, people.organiser);
  const answeredAt = performance.now();

  // Everyone writes after the revocation; the leaver keeps typing until they are shut out.
  if (!quiet) {
    neighbourBoard.text.insert(neighbourBoard.text.length, ' NEIGHBOUR-AFTER');
    stayerBoard.text.insert(stayerBoard.text.length, ' STAYER-AFTER');
  }
  let typed = 0;
  await vi.waitFor(
    () => {
      if (!leaverClosed.now && !quiet) leaverBoard.text.insert(0, `LEAVER-AFTER-${typed++} `);
      if (!leaverClosed.now || socketClosedAt === null) throw new Error('still connected');
    },
    { timeout: CLOSED_WITHIN_MS + 2_000, interval: 50 },
  );
  const closed = await leaverClosed.arrived();
  await killer.stop();

  const expectedCode = how === 'removal' ? YjsCloseCode.forbidden : YjsCloseCode.unauthenticated;
  expect(closed.code).toBe(expectedCode);
  const boardMs = closed.at - answeredAt;
  const socketMs = socketClosedAt! - answeredAt;
  console.info(
    `[AT-RV1] ${how}${quiet ? ' (quiet board)' : ''}: board closed ${boardMs.toFixed(0)} ms and Socket.IO ${socketMs.toFixed(0)} ms after the answer; ${typed} edits typed meanwhile; ${killer.killed} subscriber connections killed`,
  );
  expect(boardMs).toBeLessThan(CLOSED_WITHIN_MS);
  expect(socketMs).toBeLessThan(CLOSED_WITHIN_MS);

  if (quiet) {
    expect((await storedDoc(a.store, docName)).getText('notes').toString()).toBe('Before. ');
    return;
  }
  // Those who stay converge on everything but the leaver's later words, on both instances.
  const sameWords = (board: BoardTestClient) =>
    board.waitUntil((doc) => {
      const text = doc.getText('notes').toString();
      return text.includes('NEIGHBOUR-AFTER') && text.includes('STAYER-AFTER');
    }, 'both later edits');
  await Promise.all([sameWords(neighbourBoard), sameWords(stayerBoard)]);
  expect(neighbourBoard.text.toString()).toBe(stayerBoard.text.toString());
  for (const board of [neighbourBoard, stayerBoard]) {
    expect(board.text.toString()).not.toContain('LEAVER-AFTER');
    expect(board.everReceived('LEAVER-AFTER')).toBe(false);
  }
  const stored = (await storedDoc(a.store, docName)).getText('notes').toString();
  expect(stored).not.toContain('LEAVER-AFTER');
  expect(stored).toBe(stayerBoard.text.toString());

  // The leaver received nothing written after the revocation.
  expect(leaverBoard.everReceived('NEIGHBOUR-AFTER')).toBe(false);
  expect(leaverBoard.everReceived('STAYER-AFTER')).toBe(false);
  expect(leaverBoard.text.toString()).not.toMatch(/NEIGHBOUR-AFTER|STAYER-AFTER/);
}

describe.skipIf(!redis.available)('Revocation on an instance whose pub/sub dropped', () => {
  it('[AT-RV1][H5][Y11] a removed member is shut out of B within the sweep interval: nothing they type is kept, nothing written after reaches them', async () => {
    await revocationOnALaggingInstance('removal');
  });

  it('[AT-RV1][H5][Y11] … and the same for signing out', async () => {
    await revocationOnALaggingInstance('sign-out');
  });

  it('[AT-RV1][H5][Y11] a removed member who only reads a quiet board is closed by the sweep', async () => {
    await revocationOnALaggingInstance('removal', { quiet: true });
  });

  it('[AT-RV1][H5][Y11] … and a signed-out one', async () => {
    await revocationOnALaggingInstance('sign-out', { quiet: true });
  });

  it('[AT-RV1][Y11] the worst case: a removal no instance ever hears of closes a quiet board within the sweep interval', async () => {
    const backend = redisBackend('revocation-unheard');
    const [a, b] = [await backend.startInstance(), await backend.startInstance()];
    const people = await setWithPeople(a.url, await a.setupUrl());
    const leaver = people.members[0]!;
    const leaverBoard = connectBoard(b.url, `set:${people.set.id}`, leaver);
    await leaverBoard.synced();
    const leaverClosed = closedForGood(leaverBoard);

    // Written straight into the store: no message, no reconnect, nobody writing on the board.
    const stored = (await a.store.get<SetRecord>(Collection.sets, people.set.id))!;
    const members = { ...stored.value.members };
    members[leaver.personId] = { ...members[leaver.personId]!, status: 'removed' };
    const removed: SetRecord = { ...stored.value, members };
    expect((await a.store.put(Collection.sets, people.set.id, removed, stored.version)).ok).toBe(
      true,
    );
    const removedAt = performance.now();
    const closed = await leaverClosed.arrived();
    expect(closed.code).toBe(YjsCloseCode.forbidden);
    const closedMs = closed.at - removedAt;
    console.info(
      `[AT-RV1] unheard removal: board closed by the sweep ${closedMs.toFixed(0)} ms after`,
    );
    expect(closedMs).toBeLessThan(CLOSED_WITHIN_MS);
  });
});

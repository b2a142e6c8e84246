/**
 * Removing a member closes their live connections at once, on every instance, and leaves them
 * nothing to read or write [AT-B3]; everyone else carries on undisturbed.
 */
import { performance } from 'node:perf_hooks';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { describe, expect, it, vi } from 'vitest';
import { YjsCloseCode, type AckResult, type ClockSyncReply, type SetView } from '@setboard/shared';
import { callApi, expectOk, setWithPeople, type TestPerson } from '../../support/actors.js';
import { redisBackend } from '../../support/backends.js';
import { redisForSuite } from '../../support/services.js';
import { connectSocket, waitForConnect, type TestSocket } from '../../support/socket-client.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { connectYjs, webSocketAs, yjsUrl, type YjsTestClient } from '../../support/yjs-client.js';

/** How soon after the removal is answered every connection of the removed member must close. */
const CLOSE_WITHIN_MS = 1_000;
const CONTRACT = 'We keep what is said in the set confidential.';

const redis = await redisForSuite('Removal across two instances');

/**
 * When an event first fires, taken in its listener; `arrived` waits for it (bounded), so a test
 * can hold the delay to a limit without sleeping.
 */
function stopwatch<T>(what: string, subscribe: (listener: (value: T) => void) => void) {
  let arrival: { value: T; at: number } | null = null;
  subscribe((value) => {
    arrival ??= { value, at: performance.now() };
  });
  return {
    arrived: () =>
      vi.waitFor(
        () => {
          if (!arrival) throw new Error(`${what} has not happened`);
          return arrival;
        },
        { timeout: 5_000, interval: 10 },
      ),
  };
}

function closedWith(client: YjsTestClient, what: string) {
  return stopwatch<{ code: number }>(what, (listener) => client.provider.once('closed', listener));
}

/** Everything that happens to a connection that should stay open. */
function disturbances(socket: TestSocket, board: YjsTestClient): string[] {
  const seen: string[] = [];
  socket.on('disconnect', (reason) => seen.push(`socket disconnected: ${reason}`));
  socket.on('access:revoked', () => seen.push('socket told access:revoked'));
  board.provider.on('connection-close', (event) => seen.push(`board closed: ${event?.code}`));
  return seen;
}

/** A member on each side of the removal, each with a socket and the set's board open. */
async function connectedSet(removingOn: TestServer, leavingOn: TestServer) {
  const people = await setWithPeople(removingOn.url, await removingOn.setupUrl());
  const [leaving, staying] = people.members as [TestPerson, TestPerson];
  const docName = `set:${people.set.id}`;
  const leavingSocket = connectSocket(leavingOn.url, { as: leaving });
  const stayingSocket = connectSocket(removingOn.url, { as: staying });
  await Promise.all([waitForConnect(leavingSocket), waitForConnect(stayingSocket)]);
  const leavingBoard = connectYjs(leavingOn.url, docName, leaving);
  const stayingBoard = connectYjs(removingOn.url, docName, staying);
  await Promise.all([leavingBoard.synced(), stayingBoard.synced()]);
  stayingBoard.text.insert(0, CONTRACT);
  await expect.poll(() => leavingBoard.text.toString()).toBe(CONTRACT);
  return {
    people,
    docName,
    leaving,
    staying,
    leavingSocket,
    stayingSocket,
    leavingBoard,
    stayingBoard,
  };
}

type ConnectedSet = Awaited<ReturnType<typeof connectedSet>>;

/** The organiser removes `leaving`; returns when the removal was answered. */
async function removeMember(server: TestServer, { people, leaving }: ConnectedSet) {
  const reply = await expectOk<SetView>(
    server.url,
    'DELETE',
    `/api/sets/${people.set.id}/members/${leaving.personId}`,
    { as: people.organiser },
  );
  const answeredAt = performance.now();
  expect(reply.body.members.find((member) => member.person.id === leaving.personId)?.status).toBe(
    'removed',
  );
  return answeredAt;
}

/** A y-websocket "update" message, sent the moment a raw WebSocket opens. */
function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0); // sync
  encoding.writeVarUint(encoder, 2); // update
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** A raw WebSocket that pushes an edit the moment it opens; resolves with its close code. */
function pushEditAsSoonAsOpen(serverUrl: string, docName: string, person: TestPerson) {
  const writer = new Y.Doc();
  writer.getText('notes').insert(0, 'Written by a raw socket after removal. ');
  const SignedIn = webSocketAs(serverUrl, person);
  const socket = new SignedIn(`${yjsUrl(serverUrl)}/${docName}`);
  socket.on('open', () => socket.send(updateMessage(Y.encodeStateAsUpdate(writer))));
  return new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
}

/**
 * [AT-B3] The removal story, with the organiser on `removingOn` and the leaving member's
 * connections on `leavingOn`.
 */
async function expectRemovalShutsThemOut(removingOn: TestServer, leavingOn: TestServer) {
  const story = await connectedSet(removingOn, leavingOn);
  const { people, docName, leaving, leavingSocket, leavingBoard, stayingBoard } = story;
  const told = stopwatch<{ setId: string }>('access:revoked', (listener) =>
    leavingSocket.once('access:revoked', listener),
  );
  const disconnected = stopwatch<string>('the socket disconnecting', (listener) =>
    leavingSocket.once('disconnect', listener),
  );
  const boardClosed = closedWith(leavingBoard, 'the board closing');

  const answeredAt = await removeMember(removingOn, story);

  const arrivals = {
    told: await told.arrived(),
    disconnected: await disconnected.arrived(),
    boardClosed: await boardClosed.arrived(),
  };
  expect(arrivals.told.value).toEqual({ setId: people.set.id });
  expect(leavingSocket.connected).toBe(false);
  expect(arrivals.boardClosed.value.code).toBe(YjsCloseCode.forbidden);
  for (const [what, arrival] of Object.entries(arrivals)) {
    expect(arrival.at - answeredAt, `${what} after the reply (ms)`).toBeLessThan(CLOSE_WITHIN_MS);
  }

  // Their later messages change nothing: their own board retrying, a new board, a raw socket
  // are all refused at admission (Y0).
  leavingBoard.text.insert(0, 'Typed after removal. ');
  const retried = closedWith(leavingBoard, 'the retried board closing');
  leavingBoard.provider.connect();
  expect((await retried.arrived()).value.code).toBe(YjsCloseCode.forbidden);
  const fresh = connectYjs(leavingOn.url, docName, leaving);
  fresh.text.insert(0, 'Typed on a new board after removal. ');
  expect((await closedWith(fresh, 'the new board closing').arrived()).value.code).toBe(
    YjsCloseCode.forbidden,
  );
  expect(await pushEditAsSoonAsOpen(leavingOn.url, docName, leaving)).toBe(YjsCloseCode.forbidden);

  // A later edit by a member still in the set orders after all of that on both instances.
  stayingBoard.text.insert(CONTRACT.length, ' [agreed]');
  const reader = connectYjs(leavingOn.url, docName, people.facilitator);
  await reader.synced();
  await expect.poll(() => reader.text.toString()).toBe(`${CONTRACT} [agreed]`);
  expect(stayingBoard.text.toString()).toBe(`${CONTRACT} [agreed]`);

  // Nothing of the set is theirs to read.
  for (const server of new Set([removingOn, leavingOn])) {
    const setPage = await callApi(server.url, 'GET', `/api/sets/${people.set.id}`, { as: leaving });
    expect(setPage.status).toBe(404);
    const mySets = await expectOk<{ sets: { id: string }[] }>(server.url, 'GET', '/api/my/sets', {
      as: leaving,
    });
    expect(mySets.body.sets).toEqual([]);
    const request = await callApi(
      server.url,
      'POST',
      `/api/sets/${people.set.id}/facilitation/request`,
      { as: leaving },
    );
    expect(request.status).toBe(404);
  }
}

/** Another member's socket and board stay open through someone else's removal, and still work. */
async function expectOthersCarryOn(removingOn: TestServer, leavingOn: TestServer) {
  const story = await connectedSet(removingOn, leavingOn);
  const { people, docName, stayingSocket, stayingBoard } = story;
  const seen = disturbances(stayingSocket, stayingBoard);
  const leavingClosed = closedWith(story.leavingBoard, 'the removed member’s board closing');

  await removeMember(removingOn, story);
  await leavingClosed.arrived();

  const ack = await stayingSocket.emitWithAck('clock:sync', { clientSentAt: 1 });
  expect((ack as AckResult<ClockSyncReply>).ok).toBe(true);
  stayingBoard.text.insert(0, 'Still here. ');
  const reader = connectYjs(leavingOn.url, docName, people.facilitator);
  await reader.synced();
  await expect.poll(() => reader.text.toString()).toBe(`Still here. ${CONTRACT}`);
  expect(stayingSocket.connected).toBe(true);
  expect(stayingBoard.provider.wsconnected).toBe(true);
  expect(seen).toEqual([]);
  await expectOk(removingOn.url, 'GET', `/api/sets/${people.set.id}`, { as: story.staying });
}

describe('Removing a member (one instance, SQLite)', () => {
  it('[AT-B3][H5][Y11] removing a member closes their live Socket.IO and Yjs connections within one second; their later messages change nothing', async () => {
    const server = await startTestServer();
    await expectRemovalShutsThemOut(server, server);
  });

  it('another member’s connections stay open throughout', async () => {
    const server = await startTestServer();
    await expectOthersCarryOn(server, server);
  });
});

describe.skipIf(!redis.available)('Removing a member (two instances, one Redis)', () => {
  async function startTwoInstances(): Promise<[TestServer, TestServer]> {
    const backend = redisBackend('removal');
    return [await backend.startInstance(), await backend.startInstance()];
  }

  it('[AT-B3][H5][Y11] … also when they are connected to a second instance', async () => {
    const [east, west] = await startTwoInstances();
    await expectRemovalShutsThemOut(east, west);
  });

  it('another member’s connections stay open throughout, on either instance', async () => {
    const [east, west] = await startTwoInstances();
    await expectOthersCarryOn(east, west);
  });
});

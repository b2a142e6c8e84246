/**
 * A lagging instance waits instead of refusing (issue 18, docs/protocol.md Y16): a page moves
 * from instance A to instance B while B's pub/sub connection is down, carrying others' words
 * that B has not applied yet. B reads the stored log before judging, so the page is not closed
 * and everyone converges; a page that really writes under someone else's client id still is.
 */
import * as Y from 'yjs';
import { describe, expect, it, vi } from 'vitest';
import { YjsCloseCode } from '@setboard/shared';
import { CLIENT_IDS_COLLECTION } from '../../../server/src/boards/client-ids.js';
import { subscriberConnectionName } from '../../../server/src/store/redis/doc-subscriber.js';
import type { RedisStore } from '../../../server/src/store/redis/redis-store.js';
import { setWithPeople, type TestPerson } from '../../support/actors.js';
import { redisBackend } from '../../support/backends.js';
import { connectBoard, type BoardTestClient } from '../../support/board-client.js';
import { killSubscribers } from '../../support/pubsub-killer.js';
import { closeCode, openRaw, updateMessage } from '../../support/raw-yjs.js';
import { redisForSuite } from '../../support/services.js';
import type { TestServer } from '../../support/test-server.js';
import { waitForConvergence, webSocketAs, yjsUrl } from '../../support/yjs-client.js';

const redis = await redisForSuite('A page re-syncing into a lagging instance');

/** Long enough for the whole move to happen while B's subscription is down. */
const SUBSCRIPTION_DOWN_MS = 3_000;

function storeSubscriberOf(server: TestServer): string {
  const store = server.store as RedisStore;
  return subscriberConnectionName(Buffer.from(store.instanceId, 'utf8'));
}

/** Every close the provider meets, with its code. */
function closesOf(board: BoardTestClient): number[] {
  const codes: number[] = [];
  board.provider.on('connection-close', (event) => codes.push(event?.code ?? 0));
  return codes;
}

/** Waits until the stored binding says `clientId` on `docName` is `person`'s. */
async function boundTo(server: TestServer, docName: string, clientId: number, person: TestPerson) {
  await vi.waitFor(async () => {
    const binding = await server.store.get<{ personId: string }>(
      CLIENT_IDS_COLLECTION,
      `${docName}#${clientId}`,
    );
    expect(binding?.value.personId).toBe(person.personId);
  });
}

describe.skipIf(!redis.available)('A page moving to an instance that is behind', () => {
  it('[AT-RV2][Y16][W15] is not closed for others’ items it carries; all converge; a real client-id conflict is still refused', async () => {
    const backend = redisBackend('lagging', { reconnectAfterMs: SUBSCRIPTION_DOWN_MS });
    const [a, b] = [await backend.startInstance(), await backend.startInstance()];
    const people = await setWithPeople(a.url, await a.setupUrl());
    const [writer, mover] = people.members as [TestPerson, TestPerson];
    const docName = `set:${people.set.id}`;
    const writerBoard = connectBoard(a.url, docName, writer);
    const moverBoard = connectBoard(a.url, docName, mover);
    const watcherBoard = connectBoard(b.url, docName, people.facilitator); // keeps B's copy open
    const boards = [writerBoard, moverBoard, watcherBoard];
    await Promise.all(boards.map((board) => board.synced()));
    writerBoard.text.insert(0, 'Agreed. ');
    await waitForConvergence(boards);
    const moverCloses = closesOf(moverBoard);

    // B's subscription drops (and stays down for a while): B hears nothing A appends now.
    expect(await killSubscribers(backend.newClient(), [storeSubscriberOf(b)])).toBe(1);
    writerBoard.text.insert(writerBoard.text.length, 'WRITTEN-ON-A ');
    await moverBoard.waitUntil(
      (doc) => doc.getText('notes').toString().includes('WRITTEN-ON-A'),
      'the writer’s words, on A',
    );
    expect(watcherBoard.text.toString()).not.toContain('WRITTEN-ON-A'); // B is behind

    // The mover's page reconnects at once, to B, with the writer's words and their own.
    moverBoard.provider.disconnect();
    moverBoard.provider.serverUrl = yjsUrl(b.url);
    // B's own origin, as a page served by B would send.
    moverBoard.provider._WS = webSocketAs(b.url, mover) as unknown as typeof WebSocket;
    moverBoard.text.insert(moverBoard.text.length, 'MOVED-TO-B ');
    moverBoard.provider.connect();
    await vi.waitFor(() => expect(moverBoard.provider.synced).toBe(true), {
      interval: 10,
      timeout: 10_000,
    });

    const converged = await waitForConvergence(boards);
    expect(converged).toContain('WRITTEN-ON-A');
    expect(converged).toContain('MOVED-TO-B');
    expect(moverBoard.provider.wsconnected).toBe(true);
    expect(moverCloses.filter((code) => code >= 4000)).toEqual([]); // none refused it

    // A real conflict on B: the mover's connection sends new words under the writer's client id.
    await boundTo(b, docName, writerBoard.doc.clientID, writer);
    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(writerBoard.doc));
    // Set after loading: Yjs picks a new client id when a loaded update holds its own.
    forger.clientID = writerBoard.doc.clientID;
    const known = Y.encodeStateVector(forger);
    forger.getText('notes').insert(0, 'The writer did not write this. ');
    const raw = await openRaw(b.url, docName, mover);
    const closed = closeCode(raw);
    raw.send(updateMessage(Y.encodeStateAsUpdate(forger, known)));
    expect(await closed).toBe(YjsCloseCode.forbidden);
    expect(watcherBoard.text.toString()).not.toContain('did not write');
  });
});

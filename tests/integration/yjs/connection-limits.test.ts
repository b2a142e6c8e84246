/**
 * [AT-RS3][Y21] One person may hold a bounded number of board connections open on an instance,
 * across every doc: one more closes with 4430 (permanent, explained on the page); once one of
 * theirs closes, they may connect again. Someone else is not affected.
 */
import { describe, expect, it } from 'vitest';
import { YjsCloseCode } from '@setboard/shared';
import { setWithPeople, type TestPerson } from '../../support/actors.js';
import { closeCode, openRaw, sendAndSettle } from '../../support/raw-yjs.js';
import { startTestServer } from '../../support/test-server.js';
import { MAX_YJS_CONNECTIONS_PER_PERSON } from '../../../server/src/realtime/yjs/yjs-endpoint.js';

describe('[AT-RS3] connections per person', () => {
  it('[AT-RS3][Y21] one connection over the cap closes with 4430; closing one makes room', async () => {
    const server = await startTestServer();
    const people = await setWithPeople(server.url, await server.setupUrl(), 2);
    const [mo, ann] = people.members as [TestPerson, TestPerson];
    const docs = [`set:${people.set.id}`, `log:${mo.personId}`];
    const open = [];
    for (let index = 0; index < MAX_YJS_CONNECTIONS_PER_PERSON; index++) {
      open.push(await openRaw(server.url, docs[index % 2]!, mo));
    }
    const extra = await openRaw(server.url, docs[0]!, mo);
    expect(await closeCode(extra)).toBe(YjsCloseCode.tooManyConnections);

    const others = await openRaw(server.url, docs[0]!, ann);
    expect(await sendAndSettle(others, new Uint8Array([3]))).toBe('open');

    const leaving = open.pop()!;
    const left = closeCode(leaving);
    leaving.close();
    await left;
    // The server hears the close a moment after the client: the next attempt may be early.
    let again = await openRaw(server.url, docs[0]!, mo);
    while ((await sendAndSettle(again, new Uint8Array([3]))) !== 'open') {
      again = await openRaw(server.url, docs[0]!, mo);
    }
    for (const socket of [...open, again, others]) socket.close();
    await server.close();
  });

  it('[AT-RS3][Y21] a sync step 1 whose state vector cannot be read closes with 4400', async () => {
    const server = await startTestServer();
    const people = await setWithPeople(server.url, await server.setupUrl(), 1);
    const mo = people.members[0] as TestPerson;
    const socket = await openRaw(server.url, `set:${people.set.id}`, mo);
    const unreadable = Uint8Array.of(0, 0, 3, 255, 255, 255);
    expect(await sendAndSettle(socket, unreadable)).toBe(YjsCloseCode.malformed);
    await server.close();
  });
});

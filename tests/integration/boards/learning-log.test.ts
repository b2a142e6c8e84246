/**
 * [AT-D5] A learning log is its owner's alone: another member, the facilitator and the organiser
 * are refused at the door (4403) and never receive a byte of it; the owner reads and writes.
 */
import { describe, expect, it } from 'vitest';
import { YjsCloseCode } from '@setboard/shared';
import { setWithPeople, type TestPerson } from '../../support/actors.js';
import { connectBoard, proseOf, typeParagraph } from '../../support/board-client.js';
import { closeCode } from '../../support/raw-yjs.js';
import { waitUntilStored } from '../../support/stored-doc.js';
import { startTestServer } from '../../support/test-server.js';
import { webSocketAs, yjsUrl } from '../../support/yjs-client.js';

describe('[AT-D5] the learning log', () => {
  it('[AT-D5][W13][Y0] only its owner can open it: another member, the facilitator and the organiser are refused', async () => {
    const server = await startTestServer();
    const { organiser, facilitator, members } = await setWithPeople(
      server.url,
      await server.setupUrl(),
      2,
    );
    const [owner, other] = members as [TestPerson, TestPerson];
    const docName = `log:${owner.personId}`;

    const mine = connectBoard(server.url, docName, owner);
    await mine.synced();
    typeParagraph(mine.doc, 'entries', 'What I learned: ask, don’t tell.');
    await waitUntilStored(
      server.store,
      docName,
      (doc) => proseOf(doc, 'entries').includes('ask, don’t tell'),
      'the entry',
    );

    for (const person of [other, facilitator, organiser]) {
      const SignedIn = webSocketAs(server.url, person);
      const socket = new SignedIn(`${yjsUrl(server.url)}/${docName}`);
      const received: Buffer[] = [];
      socket.on('message', (data: Buffer) => received.push(data));
      expect(await closeCode(socket), person.name).toBe(YjsCloseCode.forbidden);
      expect(received, `${person.name} received nothing`).toEqual([]);
    }

    // The owner, from a second device, reads it back.
    const again = connectBoard(server.url, docName, owner);
    await again.synced();
    expect(proseOf(again.doc, 'entries')).toContain('ask, don’t tell');
  });
});

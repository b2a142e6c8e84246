/**
 * [AT-RX1][Y14] A copy from before a rebuild cannot write erased words back. A member's page
 * holds the set board (with another member's words) and loses its connection; meanwhile that
 * other member erases their account and the board is rebuilt without their words. When the page
 * reconnects and sends what it holds, the server closes it with 4410 ("rebuilt": drop the copy,
 * load afresh) and stores nothing of it: the erased words stay gone, and no one's words are
 * doubled.
 */
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { YjsCloseCode } from '@setboard/shared';
import { describe, expect, it, vi } from 'vitest';
import { expectOk, setWithPeople } from '../../support/actors.js';
import { connectBoard } from '../../support/board-client.js';
import { waitUntilStored } from '../../support/stored-doc.js';
import { startTestServer } from '../../support/test-server.js';

describe('a copy from before a rebuild', () => {
  it('[AT-RX1][Y14] is closed with 4410 when it comes back, and nothing of it is stored', async () => {
    const server = await startTestServer();
    const people = await setWithPeople(server.url, await server.setupUrl(), 2);
    const [erin, omar] = people.members;
    const docName = `set:${people.set.id}`;
    const erased = `GONE${randomUUID().slice(0, 8)}`;
    const kept = `KEPT${randomUUID().slice(0, 8)}`;

    const erinsBoard = connectBoard(server.url, docName, erin!);
    await erinsBoard.synced();
    erinsBoard.text.insert(0, ` ${erased} `);
    const omarsBoard = connectBoard(server.url, docName, omar!);
    await omarsBoard.synced();
    await omarsBoard.waitUntil((doc) => doc.getText('notes').toString().includes(erased), 'Erin');
    omarsBoard.text.insert(omarsBoard.text.length, ` ${kept} `);
    await waitUntilStored(
      server.store,
      docName,
      (doc) => doc.getText('notes').toString().includes(kept),
      'Omar’s words',
    );

    // Omar's page goes offline, holding Erin's words; Erin erases her account.
    const closes: number[] = [];
    omarsBoard.provider.on('connection-close', (event) => {
      if (event) closes.push(event.code);
    });
    omarsBoard.provider.disconnect();
    await expectOk(server.url, 'POST', '/api/my/erase', { as: erin!, body: { confirm: true } });
    const storedNotes = async () => {
      const doc = new Y.Doc();
      for (const update of (await server.store.loadDoc(docName)).updates) {
        Y.applyUpdate(doc, update);
      }
      return doc.getText('notes').toString();
    };
    expect(await storedNotes()).not.toContain(erased);
    expect(await storedNotes()).toContain(kept);
    // A page opening the board now gets the rebuilt doc, not the copy the server held before.
    const newcomer = connectBoard(server.url, docName, omar!);
    await newcomer.synced();
    expect(newcomer.text.toString()).not.toContain(erased);
    newcomer.provider.disconnect();

    // Omar's page comes back with its old copy: closed as rebuilt, and nothing of it stored.
    omarsBoard.provider.connect();
    await vi.waitFor(() => expect(closes).toContain(YjsCloseCode.rebuilt), {
      timeout: 10_000,
      interval: 20,
    });
    omarsBoard.provider.disconnect();
    const notes = await storedNotes();
    expect(notes).not.toContain(erased);
    expect(notes.split(kept)).toHaveLength(2); // once, not twice

    // A fresh page (a new client id) loads the rebuilt board and writes as usual.
    const fresh = connectBoard(server.url, docName, omar!);
    await fresh.synced();
    expect(fresh.text.toString()).toBe(notes);
    fresh.text.insert(fresh.text.length, ' and more');
    await waitUntilStored(
      server.store,
      docName,
      (doc) => doc.getText('notes').toString().endsWith(' and more'),
      'the fresh page’s words',
    );
  });
});

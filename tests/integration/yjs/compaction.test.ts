/**
 * [Y10] A board's stored log is compacted: when a load finds a long log (from the doc it has just
 * loaded, with no second pass over the log) and after every 500 appends while it is open (merged
 * on the server's merge worker thread, off the event loop). Nothing is lost either way, and
 * writers keep converging while it happens.
 */
import * as Y from 'yjs';
import { describe, expect, it, vi } from 'vitest';
import { setWithPeople, type TestPerson } from '../../support/actors.js';
import { connectBoard } from '../../support/board-client.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { waitForConvergence } from '../../support/yjs-client.js';

const WAIT = { timeout: 10_000, interval: 10 };

async function storedCount(server: TestServer, docName: string): Promise<number> {
  return (await server.store.loadDoc(docName)).updates.length;
}

async function storedText(server: TestServer, docName: string): Promise<string> {
  const doc = new Y.Doc();
  for (const update of (await server.store.loadDoc(docName)).updates) Y.applyUpdate(doc, update);
  return doc.getText('notes').toString();
}

describe('[Y10] compacting a board’s stored log', () => {
  it('[Y10][AT-SP1] a long log is replaced by the loaded doc’s state when the board is opened', async () => {
    const server = await startTestServer();
    const people = await setWithPeople(server.url, await server.setupUrl());
    const docName = `set:${people.set.id}`;
    const history = new Y.Doc();
    const updates: Uint8Array[] = [];
    history.on('update', (update: Uint8Array) => updates.push(update));
    for (let i = 0; i < 1_000; i++)
      history.getText('notes').insert(i, String.fromCharCode(97 + (i % 26)));
    for (const update of updates) await server.store.appendUpdate(docName, update);
    const expected = history.getText('notes').toString();

    const board = connectBoard(server.url, docName, people.members[0] as TestPerson);
    await board.synced();
    expect(board.text.toString()).toBe(expected);
    await vi.waitFor(async () => expect(await storedCount(server, docName)).toBe(1), WAIT);
    expect(await storedText(server, docName)).toBe(expected);
    board.destroy();
    await server.close();
  });

  it('[Y10] after 500 appends the log is merged on the worker; two writers converge throughout', async () => {
    const server = await startTestServer();
    const people = await setWithPeople(server.url, await server.setupUrl());
    const docName = `set:${people.set.id}`;
    const [a, b] = people.members.map((person) => connectBoard(server.url, docName, person));
    await Promise.all([a!.synced(), b!.synced()]);
    for (let i = 0; i < 300; i++) {
      a!.text.insert(a!.text.length, 'a');
      b!.text.insert(0, 'b');
    }
    const converged = await waitForConvergence([a!, b!]);
    expect(converged.length).toBe(600);
    // 600 appends: compacted once they passed 500, so fewer than 500 remain stored.
    await vi.waitFor(
      async () => expect(await storedCount(server, docName)).toBeLessThan(500),
      WAIT,
    );
    expect(await storedText(server, docName)).toBe(converged);
    a!.text.insert(0, 'after ');
    expect(await waitForConvergence([a!, b!])).toBe(`after ${converged}`);
    a!.destroy();
    b!.destroy();
    await server.close();
  });
});

import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { MAX_YJS_MESSAGE_BYTES, YjsCloseCode } from '@setboard/shared';
import { uniqueDocName } from '../../support/backends.js';
import { setUpOrganiser } from '../../support/actors.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { connectYjs, webSocketAs, yjsUrl } from '../../support/yjs-client.js';
import { closeCode, openRaw, updateMessage } from '../../support/raw-yjs.js';

async function organiserOf(server: TestServer) {
  return setUpOrganiser(server.url, (await server.setupUrl())!);
}

describe('Bad input on /yjs', () => {
  it('[Y1] an unknown document name is closed with 4404', async () => {
    const server = await startTestServer();
    const person = await organiserOf(server);
    const SignedIn = webSocketAs(server.url, person);
    const socket = new SignedIn(`${yjsUrl(server.url)}/nonsense:..%2Fetc`);
    expect(await closeCode(socket)).toBe(YjsCloseCode.notFound);
  });

  it('[Y3] an update that would stay pending closes with 4009, and nothing of it is kept', async () => {
    const server = await startTestServer();
    const person = await organiserOf(server);
    const docName = uniqueDocName();
    const writer = new Y.Doc();
    const updates: Uint8Array[] = [];
    writer.on('update', (update: Uint8Array) => updates.push(update));
    writer.getText('notes').insert(0, 'first');
    writer.getText('notes').insert(5, ' second');
    const socket = await openRaw(server.url, docName, person);
    const closed = closeCode(socket);
    socket.send(updateMessage(updates[1]!)); // the second, without the first
    expect(await closed).toBe(YjsCloseCode.outOfSync);
    const reader = connectYjs(server.url, docName, person);
    await reader.synced();
    expect(reader.text.toString()).toBe('');
  });

  it('[Y3] a V2-encoded update and undecodable bytes close with 4400', async () => {
    const server = await startTestServer();
    const person = await organiserOf(server);
    const writer = new Y.Doc();
    writer.getText('notes').insert(0, 'hello');
    for (const payload of [Y.encodeStateAsUpdateV2(writer), new Uint8Array([9, 9, 9])]) {
      const socket = await openRaw(server.url, uniqueDocName(), person);
      const closed = closeCode(socket);
      socket.send(updateMessage(payload));
      expect(await closed).toBe(YjsCloseCode.malformed);
    }
  });

  it('[Y6] a message over the size cap closes with 4413; a text frame closes with 4400', async () => {
    const server = await startTestServer();
    const person = await organiserOf(server);
    const big = await openRaw(server.url, uniqueDocName(), person);
    const bigClosed = closeCode(big);
    big.send(new Uint8Array(MAX_YJS_MESSAGE_BYTES + 1));
    expect(await bigClosed).toBe(YjsCloseCode.tooLarge);

    const text = await openRaw(server.url, uniqueDocName(), person);
    const textClosed = closeCode(text);
    text.send('hello');
    expect(await textClosed).toBe(YjsCloseCode.malformed);
  });

  it('[Y3] after a misbehaving connection is closed, others on the same doc carry on', async () => {
    const server = await startTestServer();
    const person = await organiserOf(server);
    const docName = uniqueDocName();
    const ada = connectYjs(server.url, docName, person);
    const ben = connectYjs(server.url, docName, person);
    await Promise.all([ada.synced(), ben.synced()]);
    const rogue = await openRaw(server.url, docName, person);
    const closed = closeCode(rogue);
    rogue.send(updateMessage(new Uint8Array([1, 2, 3, 4])));
    expect(await closed).toBe(YjsCloseCode.malformed);
    ada.text.insert(0, 'Still here.');
    await expect.poll(() => ben.text.toString()).toBe('Still here.');
  });
});

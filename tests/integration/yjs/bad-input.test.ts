import * as Y from 'yjs';
import { describe, expect, it, vi } from 'vitest';
import { MAX_YJS_MESSAGE_BYTES, YjsCloseCode } from '@setboard/shared';
import { aSetBoard } from '../../support/actors.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { connectYjs, webSocketAs, yjsUrl } from '../../support/yjs-client.js';
import {
  closeCode,
  countSyncRequests,
  openRaw,
  sendAndSettle,
  updateMessage,
} from '../../support/raw-yjs.js';

/** A set's board on `server`, and a member who may write its notes. */
async function boardOf(server: TestServer) {
  const { docName, member } = await aSetBoard(server.url, (await server.setupUrl())!);
  return { docName, person: member };
}

describe('Bad input on /yjs', () => {
  it('[Y1] an unknown document name, or a kind no board has (the retired spine), is closed with 4404', async () => {
    const server = await startTestServer();
    const { person } = await boardOf(server);
    const SignedIn = webSocketAs(server.url, person);
    for (const name of ['nonsense:..%2Fetc', 'spine:welcome']) {
      const socket = new SignedIn(`${yjsUrl(server.url)}/${name}`);
      expect(await closeCode(socket), name).toBe(YjsCloseCode.notFound);
    }
  });

  it('[Y3] an update that would stay pending is not kept; the client is asked to re-sync and its answer brings everything', async () => {
    const server = await startTestServer();
    const { docName, person } = await boardOf(server);
    const writer = new Y.Doc();
    const updates: Uint8Array[] = [];
    writer.on('update', (update: Uint8Array) => updates.push(update));
    writer.getText('notes').insert(0, 'first');
    writer.getText('notes').insert(5, ' second');
    const socket = await openRaw(server.url, docName, person);
    const requests = countSyncRequests(socket);
    expect(await sendAndSettle(socket, updateMessage(updates[1]!))).toBe('open');
    const reader = connectYjs(server.url, docName, person);
    await reader.synced();
    expect(reader.text.toString()).toBe('');
    await vi.waitFor(() => expect(requests.count).toBeGreaterThanOrEqual(1));
    // The re-sync answer: everything the server lacks, the pending part included.
    socket.send(updateMessage(Y.encodeStateAsUpdate(writer)));
    await expect.poll(() => reader.text.toString()).toBe('first second');
    socket.close();
  });

  it('[Y3] a V2-encoded update and undecodable bytes close with 4400', async () => {
    const server = await startTestServer();
    const { docName, person } = await boardOf(server);
    const writer = new Y.Doc();
    writer.getText('notes').insert(0, 'hello');
    for (const payload of [Y.encodeStateAsUpdateV2(writer), new Uint8Array([9, 9, 9])]) {
      const socket = await openRaw(server.url, docName, person);
      const closed = closeCode(socket);
      socket.send(updateMessage(payload));
      expect(await closed).toBe(YjsCloseCode.malformed);
    }
  });

  it('[Y6] a message over the size cap closes with 4413; a text frame closes with 4400', async () => {
    const server = await startTestServer();
    const { docName, person } = await boardOf(server);
    const big = await openRaw(server.url, docName, person);
    const bigClosed = closeCode(big);
    big.send(new Uint8Array(MAX_YJS_MESSAGE_BYTES + 1));
    expect(await bigClosed).toBe(YjsCloseCode.tooLarge);

    const text = await openRaw(server.url, docName, person);
    const textClosed = closeCode(text);
    text.send('hello');
    expect(await textClosed).toBe(YjsCloseCode.malformed);
  });

  it('[Y3] after a misbehaving connection is closed, others on the same doc carry on', async () => {
    const server = await startTestServer();
    const { docName, person } = await boardOf(server);
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

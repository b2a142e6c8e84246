import { describe, expect, it } from 'vitest';
import { YjsCloseCode } from '@setboard/shared';
import { expectOk, setWithPeople } from '../../support/actors.js';
import { connectSocket, waitForConnect } from '../../support/socket-client.js';
import { startTestServer } from '../../support/test-server.js';
import { connectYjs } from '../../support/yjs-client.js';

describe('Signing out', () => {
  it("[H5][Y0] signing out closes that browser's live connections, and only those", async () => {
    const server = await startTestServer();
    const { set, members } = await setWithPeople(server.url, await server.setupUrl(), 2);
    const [leaving, staying] = members as [(typeof members)[0], (typeof members)[0]];
    const socket = connectSocket(server.url, { as: leaving });
    const otherSocket = connectSocket(server.url, { as: staying });
    await Promise.all([waitForConnect(socket), waitForConnect(otherSocket)]);
    const board = connectYjs(server.url, `set:${set.id}`, leaving);
    const otherBoard = connectYjs(server.url, `set:${set.id}`, staying);
    await Promise.all([board.synced(), otherBoard.synced()]);
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const closed = new Promise<number>((resolve) =>
      board.provider.once('closed', (event) => resolve(event.code)),
    );

    await expectOk(server.url, 'POST', '/api/sign-out', { as: leaving });

    expect(await disconnected).toBe('io server disconnect');
    expect(await closed).toBe(YjsCloseCode.unauthenticated);
    expect(otherSocket.connected).toBe(true);
    otherBoard.text.insert(0, 'Still connected.');
    const check = connectYjs(server.url, `set:${set.id}`, staying);
    await expect.poll(() => check.text.toString()).toBe('Still connected.');
  });
});

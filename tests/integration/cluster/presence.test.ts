/**
 * Presence across instances (docs/protocol.md, W16 and Y9): people connected to different
 * instances see each other's cursors, under the names the server knows, and see them go.
 */
import { describe, expect, it } from 'vitest';
import { setWithPeople } from '../../support/actors.js';
import { redisBackend } from '../../support/backends.js';
import { connectBoard } from '../../support/board-client.js';
import { redisForSuite } from '../../support/services.js';

const redis = await redisForSuite('Presence across instances');

interface SeenUser {
  user?: { id?: string; name?: string };
  cursor?: unknown;
}

describe.skipIf(!redis.available)('Presence across instances', () => {
  it('[Y9][W16] a cursor on one instance shows on the other with the server’s name, and leaves with its owner', async () => {
    const backend = redisBackend('presence');
    const [east, west] = [await backend.startInstance(), await backend.startInstance()];
    const { set, members } = await setWithPeople(east.url, await east.setupUrl(), 2);
    const [mo, ann] = members as [(typeof members)[0], (typeof members)[0]];
    const docName = `set:${set.id}`;
    const onWest = connectBoard(west.url, docName, ann);
    await onWest.synced();
    const onEast = connectBoard(east.url, docName, mo);
    await onEast.synced();

    onEast.provider.awareness.setLocalState({
      user: { id: ann.personId, name: 'Not really Ann' },
      cursor: { anchor: 3 },
    });
    const moId = onEast.doc.clientID;
    await onWest.waitUntil(
      () =>
        (onWest.provider.awareness.getStates().get(moId) as SeenUser | undefined)?.cursor !==
        undefined,
      'Mo’s cursor from the other instance',
    );
    const seen = onWest.provider.awareness.getStates().get(moId) as SeenUser;
    expect(seen.user).toMatchObject({ id: mo.personId, name: mo.name });
    expect(seen.cursor).toEqual({ anchor: 3 });

    onEast.destroy();
    await onWest.waitUntil(
      () => !onWest.provider.awareness.getStates().has(moId),
      'Mo gone from the other instance',
    );
  });

  it('[Y9] someone opening the board on another instance sees who is already there at once', async () => {
    const backend = redisBackend('presence-late');
    const [east, west] = [await backend.startInstance(), await backend.startInstance()];
    const { set, members } = await setWithPeople(east.url, await east.setupUrl(), 2);
    const [mo, ann] = members as [(typeof members)[0], (typeof members)[0]];
    const docName = `set:${set.id}`;
    const onEast = connectBoard(east.url, docName, mo);
    await onEast.synced();
    onEast.provider.awareness.setLocalStateField('cursor', { anchor: 1 });
    // Only now does the board open on the other instance: it asks who is there.
    const onWest = connectBoard(west.url, docName, ann);
    await onWest.synced();
    await onWest.waitUntil(
      () =>
        (onWest.provider.awareness.getStates().get(onEast.doc.clientID) as SeenUser | undefined)
          ?.user?.name === mo.name,
      'Mo, already there, seen from the other instance',
    );
  });
});

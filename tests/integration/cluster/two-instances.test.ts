import { describe, expect, it } from 'vitest';
import type { ServerNotice } from '@setboard/shared';
import { setWithPeople, type TestSet } from '../../support/actors.js';
import { redisBackend } from '../../support/backends.js';
import { redisForSuite } from '../../support/services.js';
import { connectSocket, waitForConnect } from '../../support/socket-client.js';
import type { TestServer } from '../../support/test-server.js';
import { connectYjs, waitForConvergence } from '../../support/yjs-client.js';

const redis = await redisForSuite('Two instances on one Redis');

describe.skipIf(!redis.available)('Two instances on one Redis', () => {
  async function startTwoInstances(): Promise<[TestServer, TestServer]> {
    const backend = redisBackend('cluster');
    return [await backend.startInstance(), await backend.startInstance()];
  }

  async function peopleOn(east: TestServer): Promise<TestSet> {
    return setWithPeople(east.url, await east.setupUrl());
  }

  it('[AT-A4][Y5] a provider on each instance co-edits one doc and both converge (G6)', async () => {
    const [east, west] = await startTwoInstances();
    const { set, members, facilitator } = await peopleOn(east);
    const doc = `set:${set.id}`;
    const onEast = connectYjs(east.url, doc, members[0]!);
    const onWest = connectYjs(west.url, doc, members[1]!);
    await Promise.all([onEast.synced(), onWest.synced()]);

    onEast.text.insert(0, 'East typed this.');
    await expect.poll(() => onWest.text.toString()).toBe('East typed this.');
    onWest.text.insert(onWest.text.length, ' West added this.');
    onEast.text.insert(0, '[both] ');
    expect(await waitForConvergence([onEast, onWest])).toBe(
      '[both] East typed this. West added this.',
    );

    // A newcomer on either instance loads the same text from the shared store.
    const late = connectYjs(west.url, doc, facilitator);
    await late.synced();
    expect(late.text.toString()).toBe(onEast.text.toString());
  });

  it('[AT-A4] a Socket.IO broadcast from one instance reaches a client on the other', async () => {
    const [east, west] = await startTwoInstances();
    const { members } = await peopleOn(east);
    const listener = connectSocket(west.url, { as: members[0]! });
    await waitForConnect(listener);
    const received = new Promise<ServerNotice>((resolve) =>
      listener.once('server:notice', resolve),
    );

    const notice: ServerNotice = {
      kind: 'announcement',
      message: 'The set meets again on 14 December 2017.',
      sentAt: 1,
    };
    // The adapter needs a moment to learn of the other instance; retry until it arrives.
    const resend = setInterval(() => east.app.io.emit('server:notice', notice), 200);
    try {
      await expect(received).resolves.toEqual(notice);
    } finally {
      clearInterval(resend);
    }
  });
});

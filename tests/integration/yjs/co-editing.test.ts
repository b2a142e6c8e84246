import { describe, expect, it } from 'vitest';
import { redisBackend, sqliteBackend, type BackendUnderTest } from '../../support/backends.js';
import { redisForSuite } from '../../support/services.js';
import { setWithPeople } from '../../support/actors.js';
import { startTestServer } from '../../support/test-server.js';
import { connectYjs } from '../../support/yjs-client.js';

const redis = await redisForSuite('Co-editing on Redis');

function coEditingSuite(makeBackend: () => BackendUnderTest) {
  it('[AT-A2][Y5] two real y-websocket providers co-edit through the server and converge', async () => {
    const backend = makeBackend();
    const server = await startTestServer({ store: backend.openStore() });
    const { set, members } = await setWithPeople(server.url, await server.setupUrl());
    const doc = `set:${set.id}`;
    const ada = connectYjs(server.url, doc, members[0]!);
    const ben = connectYjs(server.url, doc, members[1]!);
    await Promise.all([ada.synced(), ben.synced()]);

    ada.text.insert(0, 'What would success look like?');
    await expect.poll(() => ben.text.toString()).toBe('What would success look like?');
    ben.text.insert(ben.text.length, ' What have you tried?');
    ada.text.insert(0, '> ');
    const expected = '> What would success look like? What have you tried?';
    await expect.poll(() => ada.text.toString()).toBe(expected);
    await expect.poll(() => ben.text.toString()).toBe(expected);
  });

  it('[AT-A2][Y4] the text survives a server restart', async () => {
    const backend = makeBackend();
    const first = await startTestServer({ store: backend.openStore() });
    const { set, members, facilitator } = await setWithPeople(first.url, await first.setupUrl());
    const doc = `set:${set.id}`;
    const writer = connectYjs(first.url, doc, facilitator);
    await writer.synced();
    writer.text.insert(0, 'Ground rules: what is said here stays here.');
    // A second reader proves the server has broadcast (and so stored) the edit.
    const reader = connectYjs(first.url, doc, members[0]!);
    await expect.poll(() => reader.text.toString()).toContain('stays here');
    writer.destroy();
    reader.destroy();
    await first.close();
    await first.store.close();

    const second = await startTestServer({ store: backend.openStore(), port: first.port });
    const returning = connectYjs(second.url, doc, members[1]!);
    await returning.synced();
    expect(returning.text.toString()).toBe('Ground rules: what is said here stays here.');
  });
}

describe('Co-editing on SQLite', () => coEditingSuite(sqliteBackend));

describe.skipIf(!redis.available)('Co-editing on Redis', () =>
  coEditingSuite(() => redisBackend('co-editing')),
);

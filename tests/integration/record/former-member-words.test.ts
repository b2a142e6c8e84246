/**
 * [AT-RX1] What happens to a former member's words, by the set's policy. Under "keep", a member
 * who leaves takes their own sections (objectives, expectations card) with them, and the text
 * they wrote in shared notes stays with no trace of who wrote it. Under "remove" (the default),
 * a member the organiser removed has their shared text erased too once the facilitator or
 * organiser asks; their learning log is theirs and stays.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import {
  acceptInvitation,
  callApi,
  createSet,
  expectOk,
  invite,
  setUpOrganiser,
} from '../../support/actors.js';
import { sqliteStorage } from '../../support/stored-bytes.js';
import { connectBoard } from '../../support/board-client.js';
import { storedBytesOf, writeEverywhere } from './record-fixture.js';

async function setWithTwo() {
  const storage = sqliteStorage();
  const [server] = await storage.start({ reminders: false });
  const url = server!.url;
  const organiser = await setUpOrganiser(url, (await server!.setupUrl())!);
  const set = await createSet(url, organiser);
  const erin = await acceptInvitation(url, await invite(url, organiser, set.id), 'Erin');
  const omar = await acceptInvitation(url, await invite(url, organiser, set.id), 'Omar');
  const canary = `GONE${randomUUID().slice(0, 8)}`;
  // Not containing the other: each search finds one person's words only.
  const omarsCanary = `KEEP${randomUUID().slice(0, 8)}`;
  await writeEverywhere(url, erin, set.id, canary);
  await writeEverywhere(url, omar, set.id, omarsCanary);
  for (const part of ['notes', 'objective', 'expectations', 'log']) {
    await vi.waitFor(
      async () => expect(await storedBytesOf(storage, `${canary}-${part}`)).not.toEqual([]),
      { timeout: 10_000, interval: 50 },
    );
  }
  return { storage, server: server!, url, organiser, set, erin, omar, canary, omarsCanary };
}

/** The stored bytes of one board, as one buffer. */
async function boardBytes(
  server: { store: { loadDoc(name: string): Promise<{ updates: Uint8Array[] }> } },
  docName: string,
) {
  const { updates } = await server.store.loadDoc(docName);
  return Buffer.concat(updates.map((update) => Buffer.from(update)));
}

describe('a former member’s words', () => {
  it('[AT-RX1] under "keep", leaving erases their own sections and keeps their shared text unattributed', async () => {
    const { storage, server, url, organiser, set, erin, canary, omarsCanary } = await setWithTwo();
    try {
      const changed = await expectOk<{ formerMemberWords: string }>(
        url,
        'PATCH',
        `/api/sets/${set.id}/privacy`,
        { as: organiser, body: { formerMemberWords: 'keep' } },
      );
      expect(changed.body.formerMemberWords).toBe('keep');
      const unconfirmed = await callApi(url, 'POST', `/api/sets/${set.id}/leave`, {
        as: erin,
        body: {},
      });
      expect(unconfirmed.status).toBe(400);
      await expectOk(url, 'POST', `/api/sets/${set.id}/leave`, {
        as: erin,
        body: { confirm: true, words: 'remove' },
      });
      // The set decided: "keep" whatever the member asked for.
      expect(await storedBytesOf(storage, `${canary}-notes`)).not.toEqual([]);
      expect(await storedBytesOf(storage, `${canary}-objective`)).toEqual([]);
      expect(await storedBytesOf(storage, `${canary}-expectations`)).toEqual([]);
      expect(await storedBytesOf(storage, `${canary}-apology`)).toEqual([]);
      // Their log is theirs.
      expect(await storedBytesOf(storage, `${canary}-log`)).not.toEqual([]);
      // Nothing in the rebuilt boards says who wrote the kept text.
      for (const doc of [`set:${set.id}`, `meeting:${set.id}-m0`]) {
        expect((await boardBytes(server, doc)).includes(erin.personId), doc).toBe(false);
      }
      expect(await storedBytesOf(storage, `${omarsCanary}-objective`)).not.toEqual([]);
    } finally {
      await storage.remove();
    }
  });

  it('[AT-RX1] under "remove", a removed member’s shared text goes too, once the organiser asks', async () => {
    const { storage, url, organiser, set, erin, omar, canary, omarsCanary } = await setWithTwo();
    try {
      const path = `/api/sets/${set.id}/former-members/${erin.personId}/erase-words`;
      // Only a former member's words can be erased this way.
      expect((await callApi(url, 'POST', path, { as: organiser, body: {} })).status).toBe(404);
      expect((await callApi(url, 'POST', path, { as: omar, body: {} })).status).toBe(403);
      await expectOk(url, 'DELETE', `/api/sets/${set.id}/members/${erin.personId}`, {
        as: organiser,
      });
      await expectOk(url, 'POST', path, { as: organiser, body: {} });
      for (const part of ['notes', 'objective', 'expectations', 'apology']) {
        expect(await storedBytesOf(storage, `${canary}-${part}`), part).toEqual([]);
        expect(await storedBytesOf(storage, `${omarsCanary}-${part}`), part).not.toEqual([]);
      }
      expect(await storedBytesOf(storage, `${canary}-log`)).not.toEqual([]);
    } finally {
      await storage.remove();
    }
  });

  it('[AT-RX1] a second erasure still finds what its person wrote before the first one: who wrote what survives a rebuild', async () => {
    const { storage, server, url, organiser, set, erin, omar, canary, omarsCanary } =
      await setWithTwo();
    try {
      // A third member, whose words must come through both erasures.
      const priya = await acceptInvitation(url, await invite(url, organiser, set.id), 'Priya');
      const priyasCanary = `STAY${randomUUID().slice(0, 8)}`;
      await writeEverywhere(url, priya, set.id, priyasCanary);
      await vi.waitFor(
        async () => expect(await storedBytesOf(storage, `${priyasCanary}-notes`)).not.toEqual([]),
        { timeout: 10_000, interval: 50 },
      );
      const eraseWordsOf = async (person: { personId: string }) => {
        await expectOk(url, 'DELETE', `/api/sets/${set.id}/members/${person.personId}`, {
          as: organiser,
        });
        await expectOk(
          url,
          'POST',
          `/api/sets/${set.id}/former-members/${person.personId}/erase-words`,
          { as: organiser, body: {} },
        );
      };
      await eraseWordsOf(erin);
      expect(await storedBytesOf(storage, `${canary}-notes`)).toEqual([]);
      expect(await storedBytesOf(storage, `${omarsCanary}-notes`)).not.toEqual([]);
      // Omar's shared notes were copied into the rebuilt board: they are still his.
      await eraseWordsOf(omar);
      for (const part of ['notes', 'objective', 'expectations', 'apology']) {
        expect(await storedBytesOf(storage, `${omarsCanary}-${part}`), part).toEqual([]);
        expect(await storedBytesOf(storage, `${priyasCanary}-${part}`), part).not.toEqual([]);
      }
      // Priya can go on writing in the rebuilt board.
      const again = connectBoard(url, `set:${set.id}`, priya);
      await again.synced();
      again.text.insert(again.text.length, ' still here ');
      await vi.waitFor(
        async () =>
          expect((await boardBytes(server, `set:${set.id}`)).includes('still here')).toBe(true),
        { timeout: 10_000, interval: 50 },
      );
    } finally {
      await storage.remove();
    }
  });
});

/**
 * [AT-RX1] Erasure reaches every copy. On SQLite and on Redis, a member writes a unique canary
 * into every section of the set's boards they can write outside a meeting (shared notes, their
 * own objectives, their expectations card, their learning log), their profile and an apology;
 * another member writes theirs. After "Erase my account" the erased canary appears 0 times in
 * the SQLite file with its -wal and -shm (or in every Redis key under the prefix, DUMPed), and in
 * the server's log output at debug level; the other member's words are intact and their open
 * board was told to reload (4410).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { YjsCloseCode } from '@setboard/shared';
import {
  acceptInvitation,
  callApi,
  createSet,
  expectOk,
  invite,
  setUpOrganiser,
} from '../../support/actors.js';
import { connectBoard, proseOf } from '../../support/board-client.js';
import { redisForSuite } from '../../support/services.js';
import { redisStorage, sqliteStorage, type SuiteStorage } from '../../support/stored-bytes.js';
import { capturedLogger, storedBytesOf, writeEverywhere } from './record-fixture.js';

const redis = await redisForSuite('erasure canary');

function describeErasure(label: string, makeStorage: () => SuiteStorage) {
  describe(`erasure on ${label}`, () => {
    it(`[AT-RX1] erasing an account leaves its canary nowhere on ${label}; others' words stay`, async () => {
      const storage = makeStorage();
      const captured = capturedLogger();
      try {
        const [server] = await storage.start({ logger: captured.logger, reminders: false });
        const url = server!.url;
        const organiser = await setUpOrganiser(url, (await server!.setupUrl())!);
        const set = await createSet(url, organiser);
        const erased = `ERASED${randomUUID().slice(0, 8)}`;
        const kept = `KEPT${randomUUID().slice(0, 8)}`;
        const erin = await acceptInvitation(url, await invite(url, organiser, set.id), 'Erin', {
          bio: `${erased}-bio`,
        });
        const omar = await acceptInvitation(url, await invite(url, organiser, set.id), 'Omar');
        const erinBoards = await writeEverywhere(url, erin, set.id, erased);
        const omarBoards = await writeEverywhere(url, omar, set.id, kept);
        for (const part of ['notes', 'objective', 'expectations', 'log', 'apology', 'bio']) {
          await vi.waitFor(
            async () => expect(await storedBytesOf(storage, `${erased}-${part}`)).not.toEqual([]),
            { timeout: 10_000, interval: 50 },
          );
        }
        for (const part of ['notes', 'expectations']) {
          await vi.waitFor(
            async () => expect(await storedBytesOf(storage, `${kept}-${part}`)).not.toEqual([]),
            { timeout: 10_000, interval: 50 },
          );
        }
        const omarClosed = new Promise<number>((resolve) =>
          omarBoards.board.provider.on('connection-close', (event) => {
            if (event) resolve(event.code);
          }),
        );

        const refused = await callApi(url, 'POST', '/api/my/erase', { as: erin, body: {} });
        expect(refused.status).toBe(400);
        expect(await storedBytesOf(storage, `${erased}-bio`)).not.toEqual([]);
        await expectOk(url, 'POST', '/api/my/erase', { as: erin, body: { confirm: true } });

        expect(await omarClosed).toBe(YjsCloseCode.rebuilt);
        expect(await storedBytesOf(storage, erased)).toEqual([]);
        expect(captured.text().includes(erased)).toBe(false);
        // Signed out everywhere: the old cookie no longer works.
        const session = await callApi<{ person: unknown }>(url, 'GET', '/api/session', {
          as: erin,
        });
        expect(session.body.person).toBeNull();
        // Omar's words are intact, in a fresh load of the rebuilt boards.
        for (const part of ['notes', 'objective', 'expectations', 'log', 'apology']) {
          expect(await storedBytesOf(storage, `${kept}-${part}`), part).not.toEqual([]);
        }
        const fresh = connectBoard(url, `set:${set.id}`, omar);
        await fresh.synced();
        expect(fresh.text.toString()).toContain(`${kept}-notes`);
        expect(fresh.text.toString()).not.toContain(erased);
        const meeting = connectBoard(url, `meeting:${set.id}-m0`, omar);
        await meeting.synced();
        expect(proseOf(meeting.doc, `expectations:${omar.personId}`)).toBe(`${kept}-expectations`);
        expect(meeting.doc.share.has(`expectations:${erin.personId}`)).toBe(false);
        // The audit log keeps only that an erasure happened.
        const audit = await expectOk<{ events: Array<{ action: string; actorId: string | null }> }>(
          url,
          'GET',
          '/api/audit',
          { as: organiser },
        );
        expect(audit.body.events.some((event) => event.action === 'account.erased')).toBe(true);
        expect(audit.body.events.some((event) => event.actorId === erin.personId)).toBe(false);
        void erinBoards;
      } finally {
        await storage.remove();
      }
    });
  });
}

describeErasure('SQLite', sqliteStorage);
describe.skipIf(!redis.available)('Redis', () => describeErasure('Redis', redisStorage));

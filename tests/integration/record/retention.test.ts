/**
 * [AT-RX4] Retention with an injected clock, on SQLite and on Redis: a set closed by hand keeps
 * its content for its retention period (12 months by default); 30 days before the end every
 * member is told in the app; at the end every board is deleted (the canary is in no stored
 * byte), the cycle report survives with its numbers, and the member's own learning log stays.
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
import { ManualClock } from '../../support/manual-clock.js';
import { cycleReportCsv, type CycleReport } from '../../../server/src/record/cycle-report.js';
import { redisForSuite } from '../../support/services.js';
import { redisStorage, sqliteStorage, type SuiteStorage } from '../../support/stored-bytes.js';
import { storedBytesOf, writeEverywhere } from './record-fixture.js';

const redis = await redisForSuite('retention');
const DAY_MS = 24 * 60 * 60 * 1000;
const CLOSED_AT = Date.UTC(2028, 6, 20, 12, 0);

function describeRetention(label: string, makeStorage: () => SuiteStorage) {
  it(`[AT-RX4] a closed set past its period is purged on ${label}; members were told 30 days before; the cycle report survives`, async () => {
    const storage = makeStorage();
    try {
      const clock = new ManualClock(CLOSED_AT - DAY_MS);
      const [server] = await storage.start({ now: clock.now, scheduler: clock, reminders: false });
      const url = server!.url;
      const organiser = await setUpOrganiser(url, (await server!.setupUrl())!);
      const set = await createSet(url, organiser);
      const erin = await acceptInvitation(url, await invite(url, organiser, set.id), 'Erin');
      const canary = `PURGE${randomUUID().slice(0, 8)}`;
      await writeEverywhere(url, erin, set.id, canary);
      for (const part of ['notes', 'objective', 'expectations', 'apology', 'log']) {
        await vi.waitFor(
          async () => expect(await storedBytesOf(storage, `${canary}-${part}`)).not.toEqual([]),
          { timeout: 10_000, interval: 50 },
        );
      }
      // Out of limits: refused, nothing changed.
      const tooLong = await callApi(url, 'PATCH', `/api/sets/${set.id}/privacy`, {
        as: organiser,
        body: { retentionMonths: 600 },
      });
      expect(tooLong.status).toBe(400);
      const settings = await expectOk<{ retentionMonths: number }>(
        url,
        'GET',
        `/api/sets/${set.id}/privacy`,
        { as: organiser },
      );
      expect(settings.body.retentionMonths).toBe(12);

      clock.advanceTo(CLOSED_AT);
      await expectOk(url, 'PATCH', `/api/sets/${set.id}`, {
        as: organiser,
        body: { lifecycle: 'closed' },
      });
      const retention = server!.app.retention;
      expect(await retention.scanNow()).toEqual({ warned: [], purged: [] });

      // 12 months after closing is 20 July 2029; 30 days before is 20 June 2029.
      clock.advanceTo(Date.UTC(2029, 5, 20, 11, 0));
      expect(await retention.scanNow()).toEqual({ warned: [], purged: [] });
      clock.advanceTo(Date.UTC(2029, 5, 20, 13, 0));
      expect(await retention.scanNow()).toEqual({ warned: [set.id], purged: [] });
      // Sessions do not last a year: read Erin's notification centre as stored.
      const notices = await server!.store.list<{ kind: string; title: string }>(
        `notifications.${erin.personId}`,
      );
      expect(notices.map((notice) => notice.value)).toEqual([
        expect.objectContaining({
          kind: 'content_deletion_soon',
          title: expect.stringContaining('20 July 2029'),
        }),
      ]);
      // A second scan tells nobody twice.
      expect(await retention.scanNow()).toEqual({ warned: [], purged: [] });
      expect(await storedBytesOf(storage, `${canary}-notes`)).not.toEqual([]);

      clock.advanceTo(Date.UTC(2029, 6, 20, 13, 0));
      expect(await retention.scanNow()).toEqual({ warned: [], purged: [set.id] });
      for (const part of ['notes', 'objective', 'expectations', 'apology']) {
        expect(await storedBytesOf(storage, `${canary}-${part}`), part).toEqual([]);
      }
      // Erin's learning log is hers, not the set's.
      expect(await storedBytesOf(storage, `${canary}-log`)).not.toEqual([]);
      const kept = await server!.store.get<CycleReport>('cycle-reports', set.id);
      expect(kept?.value.frozenAt).toBe(Date.UTC(2029, 6, 20, 13, 0));
      const rows = cycleReportCsv(kept!.value).trim().split('\r\n');
      expect(rows).toHaveLength(1 + set.meetings.length);
      expect(rows[1]!.startsWith('1,')).toBe(true);
      expect(rows.join('\n')).not.toContain(canary);
      expect(await retention.scanNow()).toEqual({ warned: [], purged: [] });
    } finally {
      await storage.remove();
    }
  });
}

describe('retention', () => {
  describeRetention('SQLite', sqliteStorage);
  describe.skipIf(!redis.available)('Redis', () => describeRetention('Redis', redisStorage));
});

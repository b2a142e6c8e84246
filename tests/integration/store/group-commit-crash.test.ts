/**
 * Group commit with real server processes [AT-SP1]: typists on several boards at once make the
 * server batch their appends, and a SIGKILL right after the last update was broadcast loses
 * nothing, because nothing is broadcast before its commit (G1).
 */
import { describe, expect, it } from 'vitest';
import { redisBackend, sqliteBackend, type BackendUnderTest } from '../../support/backends.js';
import {
  acceptInvitation,
  createSet,
  invite,
  setUpOrganiser,
  type TestPerson,
} from '../../support/actors.js';
import { scrapeMetrics } from '../../support/prometheus.js';
import { findFreePort, startServerProcess } from '../../support/server-process.js';
import { redisForSuite } from '../../support/services.js';
import { connectYjs, type YjsTestClient } from '../../support/yjs-client.js';
import { vi } from 'vitest';

const redis = await redisForSuite('Group commit crash on Redis');

const BOARDS = 6;
const KEYSTROKES_EACH = 25;
/** Two server starts, a dozen people and 300 keystrokes through the gate on a loaded machine. */
const TEST_TIMEOUT_MS = 240_000;

async function boardsWithMembers(url: string, setupUrl: string) {
  const organiser = await setUpOrganiser(url, setupUrl);
  const boards: Array<{ docName: string; member: TestPerson }> = [];
  for (let index = 0; index < BOARDS; index++) {
    const set = await createSet(url, organiser);
    const member = await acceptInvitation(
      url,
      await invite(url, organiser, set.id),
      `Member ${index}`,
    );
    boards.push({ docName: `set:${set.id}`, member });
  }
  return boards;
}

async function type(client: YjsTestClient, name: string): Promise<string[]> {
  const typed: string[] = [];
  for (let index = 0; index < KEYSTROKES_EACH; index++) {
    const token = `<${name}${index}>`;
    client.text.insert(client.text.length, token);
    typed.push(token);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return typed;
}

function crashSuite(makeBackend: () => BackendUnderTest) {
  it(
    '[AT-SP1] typists on six boards: appends are batched, and SIGKILL right after the last broadcast loses nothing',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const backend = makeBackend();
      const [port, metricsPort] = [await findFreePort(), await findFreePort()];
      const env = { ...backend.processEnv, METRICS_PORT: String(metricsPort) };
      const first = await startServerProcess({ port, env });
      const boards = await boardsWithMembers(first.url, first.setupUrl!);

      const typing = boards.map(({ docName, member }, board) => {
        const typists = [0, 1].map(() => connectYjs(first.url, docName, member));
        const observer = connectYjs(first.url, docName, member);
        return { docName, member, typists, observer, board };
      });
      await Promise.all(
        typing.flatMap(({ typists, observer }) => [...typists, observer]).map((c) => c.synced()),
      );

      // Everyone types at once, on every board.
      const typed = await Promise.all(
        typing.map(async ({ typists, board }) =>
          (
            await Promise.all(typists.map((typist, who) => type(typist, `b${board}t${who}-`)))
          ).flat(),
        ),
      );
      // The observers have had every update broadcast to them…
      await vi.waitFor(
        () => {
          typing.forEach(({ observer }, board) => {
            const text = observer.text.toString();
            for (const token of typed[board]!)
              if (!text.includes(token)) throw new Error(`missing ${token}`);
          });
        },
        { timeout: 30_000, interval: 10 },
      );
      // …so right now, with no pause, everything is committed: kill.
      const seen = typing.map(({ observer }) => observer.text.toString());
      const metrics = await scrapeMetrics(`http://127.0.0.1:${metricsPort}/metrics`);
      await first.stop('SIGKILL');

      const appends = metrics.get('setboard_doc_appends_total') ?? 0;
      const commits = metrics.get('setboard_doc_append_batch_size_count') ?? 0;
      expect(appends).toBeGreaterThanOrEqual(BOARDS * 2 * KEYSTROKES_EACH);
      expect(metrics.get('setboard_doc_append_batch_size_sum')).toBe(appends);
      expect(commits).toBeLessThan(appends);

      for (const { typists, observer } of typing)
        for (const c of [...typists, observer]) c.destroy();
      const second = await startServerProcess({ port, env });
      await Promise.all(
        typing.map(async ({ docName, member }, board) => {
          const newcomer = connectYjs(second.url, docName, member);
          await newcomer.synced();
          // Per-doc order held too: the stored log rebuilds exactly the text that was seen.
          expect(newcomer.text.toString()).toBe(seen[board]);
        }),
      );
    },
  );
}

describe('Group commit crash on SQLite', () => crashSuite(sqliteBackend));
describe.skipIf(!redis.available)('Group commit crash on Redis', () =>
  crashSuite(() => redisBackend('group-commit-crash')),
);

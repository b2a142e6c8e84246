import { describe, expect, it } from 'vitest';
import { redisBackend, sqliteBackend, type BackendUnderTest } from '../../support/backends.js';
import { aSetBoard } from '../../support/actors.js';
import { findFreePort, startServerProcess } from '../../support/server-process.js';
import { redisForSuite } from '../../support/services.js';
import { connectYjs, waitForConvergence, type YjsTestClient } from '../../support/yjs-client.js';

const redis = await redisForSuite('Crash recovery on Redis');

const KEYSTROKES_EACH = 150;
const KILL_AFTER_KEYSTROKES = 50;

/** Types `<name-i>` tokens at the end of the text, yielding to the event loop between keys. */
async function type(
  client: YjsTestClient,
  name: string,
  onKeystroke: (index: number) => void,
): Promise<string[]> {
  const typed: string[] = [];
  for (let index = 0; index < KEYSTROKES_EACH; index++) {
    const token = `<${name}${index}>`;
    client.text.insert(client.text.length, token);
    typed.push(token);
    onKeystroke(index);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return typed;
}

/**
 * Three server processes start one after another and 300 keystrokes pass the write gate of a
 * real set board: about 30 s on a loaded 2-core machine. The waits inside are for state; this
 * only stops a run that hangs.
 */
const CRASH_TEST_TIMEOUT_MS = 120_000;

function crashSuite(makeBackend: () => BackendUnderTest) {
  it(
    '[AT-A3][Y4] SIGKILL while two providers type: after restart they re-sync and keep every keystroke (G1)',
    { timeout: CRASH_TEST_TIMEOUT_MS },
    async () => {
      const backend = makeBackend();
      const port = await findFreePort();
      const first = await startServerProcess({ port, env: backend.processEnv });
      const { docName: doc, member } = await aSetBoard(first.url, first.setupUrl!);
      // Two devices of one member, typing into the set's shared notes.
      const ada = connectYjs(first.url, doc, member);
      const ben = connectYjs(first.url, doc, member);
      await Promise.all([ada.synced(), ben.synced()]);

      let killed: Promise<number | null> | null = null;
      const [adaTyped, benTyped] = await Promise.all([
        type(ada, 'a', (index) => {
          if (index === KILL_AFTER_KEYSTROKES) killed = first.stop('SIGKILL');
        }),
        type(ben, 'b', () => {}),
      ]);
      expect(killed).not.toBeNull();
      await killed;

      const second = await startServerProcess({ port, env: backend.processEnv });
      await Promise.all([ada.synced(), ben.synced()]);
      const converged = await waitForConvergence([ada, ben]);
      for (const token of [...adaTyped, ...benTyped]) expect(converged).toContain(token);

      // What both saw converge was stored before it was broadcast: kill again, and a newcomer
      // after the restart reads all of it from storage alone.
      ada.destroy();
      ben.destroy();
      await second.stop('SIGKILL');
      const third = await startServerProcess({ port, env: backend.processEnv });
      const newcomer = connectYjs(third.url, doc, member);
      await newcomer.synced();
      expect(newcomer.text.toString()).toBe(converged);
    },
  );
}

describe('Crash recovery on SQLite', () => crashSuite(sqliteBackend));

describe.skipIf(!redis.available)('Crash recovery on Redis', () =>
  crashSuite(() => redisBackend('crash')),
);

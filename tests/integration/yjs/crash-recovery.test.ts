import { describe, expect, it } from 'vitest';
import {
  redisBackend,
  sqliteBackend,
  uniqueDocName,
  type BackendUnderTest,
} from '../../support/backends.js';
import { setUpOrganiser } from '../../support/actors.js';
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

function crashSuite(makeBackend: () => BackendUnderTest) {
  it('[A3] SIGKILL while two providers type: after restart they re-sync and keep every keystroke (G1)', async () => {
    const backend = makeBackend();
    const port = await findFreePort();
    const doc = uniqueDocName();
    const first = await startServerProcess({ port, env: backend.processEnv });
    const organiser = await setUpOrganiser(first.url, first.setupUrl!);
    // Two devices of one signed-in person, typing into a doc any signed-in person may open.
    const ada = connectYjs(first.url, doc, organiser);
    const ben = connectYjs(first.url, doc, organiser);
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
    const newcomer = connectYjs(third.url, doc, organiser);
    await newcomer.synced();
    expect(newcomer.text.toString()).toBe(converged);
  });
}

describe('Crash recovery on SQLite', () => crashSuite(sqliteBackend));

describe.skipIf(!redis.available)('Crash recovery on Redis', () =>
  crashSuite(() => redisBackend('crash')),
);

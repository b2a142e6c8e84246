import { describe, expect, it } from 'vitest';
import { sqliteBackend, uniqueDocName } from '../../support/backends.js';
import { setUpOrganiser } from '../../support/actors.js';
import { findFreePort, startServerProcess } from '../../support/server-process.js';
import { connectYjs } from '../../support/yjs-client.js';

describe('Graceful shutdown', () => {
  it('[Y8] SIGTERM stores what was accepted, exits cleanly, and clients reconnect after a restart', async () => {
    const backend = sqliteBackend();
    const port = await findFreePort();
    const doc = uniqueDocName();
    const first = await startServerProcess({ port, env: backend.processEnv });
    const organiser = await setUpOrganiser(first.url, first.setupUrl!);
    const writer = connectYjs(first.url, doc, organiser);
    await writer.synced();
    writer.text.insert(0, 'Action: speak to the Director of Workforce by 14 December.');
    const reader = connectYjs(first.url, doc, organiser);
    await expect.poll(() => reader.text.toString()).toContain('Director of Workforce');

    expect(await first.stop('SIGTERM')).toBe(0);

    writer.text.insert(writer.text.length, ' (typed while the server was down)');
    await startServerProcess({ port, env: backend.processEnv });
    await expect
      .poll(() => reader.text.toString(), { timeout: 15_000 })
      .toBe(
        'Action: speak to the Director of Workforce by 14 December. (typed while the server was down)',
      );
  });
});

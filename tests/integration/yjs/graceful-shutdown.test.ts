import { describe, expect, it } from 'vitest';
import { sqliteBackend } from '../../support/backends.js';
import { aSetBoard } from '../../support/actors.js';
import { findFreePort, startServerProcess } from '../../support/server-process.js';
import { connectYjs } from '../../support/yjs-client.js';

describe('Graceful shutdown', () => {
  it('[Y8] SIGTERM stores what was accepted, exits cleanly, and clients reconnect after a restart', async () => {
    const backend = sqliteBackend();
    const port = await findFreePort();
    const first = await startServerProcess({ port, env: backend.processEnv });
    const { docName, member } = await aSetBoard(first.url, first.setupUrl!);
    const writer = connectYjs(first.url, docName, member);
    await writer.synced();
    writer.text.insert(0, 'Action: speak to the Director of Workforce by 14 December.');
    const reader = connectYjs(first.url, docName, member);
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

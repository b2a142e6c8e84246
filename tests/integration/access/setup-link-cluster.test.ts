/**
 * One set-up link for the deployment (docs/security.md, "Sign-in links"): the set-up token lives
 * in the store, so three server processes on one Redis, started one after another, print the
 * same link; a restart keeps it; using it on any instance completes set-up, and afterwards an
 * instance that starts prints none.
 */
import { describe, expect, it } from 'vitest';
import type { SessionView } from '@setboard/shared';
import { callApi, profile, tokenOf } from '../../support/actors.js';
import { redisBackend } from '../../support/backends.js';
import { findFreePort, startServerProcess } from '../../support/server-process.js';
import { redisForSuite } from '../../support/services.js';

const redis = await redisForSuite('The set-up link on many instances');

describe.skipIf(!redis.available)('The set-up link on many instances', () => {
  it('[AT-RV3] three instances started one after another print the same working link', async () => {
    const backend = redisBackend('setup-link');
    const env = { ...backend.processEnv };
    const ports = [await findFreePort(), await findFreePort(), await findFreePort()];
    const [first, second, third] = [
      await startServerProcess({ port: ports[0]!, env }),
      await startServerProcess({ port: ports[1]!, env }),
      await startServerProcess({ port: ports[2]!, env }),
    ];
    const tokens = [first, second, third].map((instance) => tokenOf(instance.setupUrl!));
    expect(new Set(tokens).size).toBe(1);

    // Restarting one instance does not invalidate the link the others printed.
    await first.stop('SIGTERM');
    const restarted = await startServerProcess({ port: ports[0]!, env });
    expect(tokenOf(restarted.setupUrl!)).toBe(tokens[0]);

    const done = await callApi<SessionView>(third.url, 'POST', '/api/setup', {
      body: { token: tokens[0]!, profile: profile('Olu Organiser') },
    });
    expect(done.status).toBe(200);
    expect(done.body.person).toMatchObject({ name: 'Olu Organiser', isOrganiser: true });
    const again = await callApi(second.url, 'POST', '/api/setup', {
      body: { token: tokens[0]!, profile: profile('Second Comer') },
    });
    expect(again.status).toBe(410);

    await second.stop('SIGTERM');
    const late = await startServerProcess({ port: ports[1]!, env });
    expect(late.setupUrl).toBeNull();
  }, 180_000);
});

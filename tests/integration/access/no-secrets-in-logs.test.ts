import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@setboard/server';
import type { CreatedLink } from '@setboard/shared';
import {
  acceptInvitation,
  callApi,
  createSet,
  expectOk,
  invite,
  setUpOrganiser,
  tokenOf,
} from '../../support/actors.js';
import { connectSocket, waitForConnect } from '../../support/socket-client.js';
import { startTestServer } from '../../support/test-server.js';
import { connectYjs } from '../../support/yjs-client.js';

/** Every line the server logs, at the most detailed level. */
function capturingLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger('trace', sink), lines };
}

describe('Logs', () => {
  it('no log line carries a link token or a session id, at any level', async () => {
    const { logger, lines } = capturingLogger();
    const server = await startTestServer({ logger });
    const setupUrl = (await server.setupUrl())!;
    const organiser = await setUpOrganiser(server.url, setupUrl);
    const set = await createSet(server.url, organiser);
    const invitationUrl = await invite(server.url, organiser, set.id);
    // A refused attempt and an inspection also pass through the logs.
    await callApi(server.url, 'POST', '/api/links/inspect', {
      body: { token: tokenOf(invitationUrl) },
    });
    const member = await acceptInvitation(server.url, invitationUrl, 'Mo Member');
    await callApi(server.url, 'POST', '/api/links/redeem', {
      body: { token: tokenOf(invitationUrl), decision: 'decline' },
    });
    const facilitator = await acceptInvitation(
      server.url,
      await invite(server.url, organiser, set.id, 'facilitator'),
      'Fran Facilitator',
    );
    const signIn = await expectOk<CreatedLink>(
      server.url,
      'POST',
      `/api/sets/${set.id}/sign-in-links`,
      {
        as: facilitator,
        body: { personId: member.personId },
      },
    );
    const again = await callApi(server.url, 'POST', '/api/links/sign-in', {
      body: { token: tokenOf(signIn.body.url) },
    });
    const socket = connectSocket(server.url, { as: member });
    await waitForConnect(socket);
    const board = connectYjs(server.url, `set:${set.id}`, member);
    await board.synced();
    await expectOk(server.url, 'POST', '/api/sign-out', { as: member });

    const secrets = [
      tokenOf(setupUrl),
      tokenOf(invitationUrl),
      tokenOf(signIn.body.url),
      ...[organiser.cookie, member.cookie, again.setCookie ?? ''].map(
        (cookie) => cookie.split(';')[0]!.split('=')[1]!,
      ),
    ].filter((secret) => secret.length > 0);
    expect(lines.length).toBeGreaterThan(10);
    const log = lines.join('');
    // Neither the secrets nor the hashes they are stored under (the session ids).
    const hashes = secrets.map((secret) => createHash('sha256').update(secret).digest('hex'));
    for (const secret of [...secrets, ...hashes]) expect(log).not.toContain(secret);
    expect(log).not.toContain('setboard_session=');
  });
});

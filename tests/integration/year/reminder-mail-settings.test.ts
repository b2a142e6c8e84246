/**
 * Each person's reminder e-mail setting: offered only when the deployment sends mail, sent to the
 * address their invitation went to, and bad input changes nothing.
 */
import { describe, expect, it } from 'vitest';
import type { CreatedLink, ReminderMailState } from '@setboard/shared';
import { createSmtpMailer } from '../../../server/src/mail/smtp-mailer.js';
import {
  acceptInvitation,
  callApi,
  createSet,
  expectOk,
  setUpOrganiser,
} from '../../support/actors.js';
import { startSmtpInbox } from '../../support/smtp-inbox.js';
import { startTestServer } from '../../support/test-server.js';

describe('reminder e-mail settings', () => {
  it('without SMTP nothing offers e-mail', async () => {
    const server = await startTestServer();
    const organiser = await setUpOrganiser(server.url, (await server.setupUrl())!);
    const state = await expectOk<ReminderMailState>(server.url, 'GET', '/api/my/reminder-mail', {
      as: organiser,
    });
    expect(state.body.available).toBe(false);
  });

  it('with SMTP: a daily digest by default, to the invited address; bad input changes nothing', async () => {
    const smtp = await startSmtpInbox();
    const mailer = createSmtpMailer({ url: smtp.url, from: 'setboard@example.nhs.uk' });
    const server = await startTestServer({ mailer });
    const organiser = await setUpOrganiser(server.url, (await server.setupUrl())!);
    const set = await createSet(server.url, organiser);
    const link = await expectOk<CreatedLink>(
      server.url,
      'POST',
      `/api/sets/${set.id}/invitations`,
      {
        as: organiser,
        body: { role: 'member', email: 'pat@example.nhs.uk' },
      },
    );
    const pat = await acceptInvitation(server.url, link.body.url, 'Pat Member');
    const read = async () =>
      (await expectOk<ReminderMailState>(server.url, 'GET', '/api/my/reminder-mail', { as: pat }))
        .body;
    expect(await read()).toEqual({
      available: true,
      setting: 'daily',
      address: 'pat@example.nhs.uk',
    });
    for (const body of [{ setting: 'weekly' }, { setting: 'off', extra: true }, {}]) {
      const reply = await callApi(server.url, 'PATCH', '/api/my/reminder-mail', { as: pat, body });
      expect(reply.status, JSON.stringify(body)).toBe(400);
    }
    expect((await read()).setting).toBe('daily');
    await expectOk(server.url, 'PATCH', '/api/my/reminder-mail', {
      as: pat,
      body: { setting: 'immediate' },
    });
    expect((await read()).setting).toBe('immediate');
    const unknown = await callApi(server.url, 'POST', '/api/reminder-mail/unsubscribe', {
      body: { token: 'A'.repeat(43) },
    });
    expect(unknown.status).toBe(404);
    expect((await read()).setting).toBe('immediate');
    await server.close();
    mailer.close();
    await smtp.close();
  });
});

/**
 * Mail when configured (docs/security.md, "Mail"), through a real SMTP server in the test
 * process, each message parsed back by mailparser: an invitation goes to the address entered,
 * with the set, its dates and a working link; "E-mail me a sign-in link" sends a working link to a
 * known address and the same reply (and no mail) for an unknown one; the per-address limit holds;
 * without a mailer nothing offers or sends mail.
 */
import { describe, expect, it } from 'vitest';
import type { ApiErrorBody, CreatedLink, SessionView } from '@setboard/shared';
import { createSmtpMailer } from '../../../server/src/mail/smtp-mailer.js';
import {
  callApi,
  createSet,
  expectOk,
  profile,
  setUpOrganiser,
  type TestPerson,
} from '../../support/actors.js';
import { closeWhenTestEnds } from '../../support/cleanup.js';
import { startSmtpInbox } from '../../support/smtp-inbox.js';
import { startTestServer } from '../../support/test-server.js';

const linkIn = (text: string, page: string) =>
  new RegExp(`https?://\\S+/${page}#[\\w-]{43}`).exec(text)?.[0];

async function serverWithMail() {
  const inbox = await startSmtpInbox();
  closeWhenTestEnds(() => inbox.close());
  const mailer = createSmtpMailer({ url: inbox.url, from: 'Setboard <setboard@example.nhs.uk>' });
  closeWhenTestEnds(() => mailer.close());
  const server = await startTestServer({ mailer });
  return { server, inbox };
}

describe('Mail when configured', () => {
  it('[AT-GI2] an invitation is e-mailed to the address entered, and its link works', async () => {
    const { server, inbox } = await serverWithMail();
    const organiser = await setUpOrganiser(server.url, (await server.setupUrl())!);
    const set = await createSet(server.url, organiser);
    const created = await expectOk<CreatedLink>(
      server.url,
      'POST',
      `/api/sets/${set.id}/invitations`,
      { as: organiser, body: { role: 'member', email: 'Mo.Member@Example.nhs.uk' } },
    );
    expect(created.body.mailed).toBe(true);
    await expect.poll(() => inbox.to('mo.member@example.nhs.uk').length).toBe(1);
    const [mail] = inbox.to('mo.member@example.nhs.uk');
    expect(mail!.subject).toBe(`Invitation to join ${set.name}`);
    expect(mail!.text).toContain('Olu Organiser has invited you');
    expect(mail!.text).toContain('Decline');
    expect(mail!.html).toContain('<a href=');
    const url = linkIn(mail!.text, 'invitation')!;
    expect(url).toBe(created.body.url);
    const joined = await expectOk<{ session: SessionView }>(
      server.url,
      'POST',
      '/api/links/redeem',
      {
        body: {
          token: new URL(url).hash.slice(1),
          decision: 'accept',
          profile: profile('Mo Member'),
        },
      },
    );
    // The address the invitation went to is the member's.
    expect(joined.body.session.account?.email).toBe('mo.member@example.nhs.uk');
    expect(joined.body.session.mailEnabled).toBe(true);
  });

  it('[AT-GI2] "E-mail me a sign-in link": a known address gets a working link; an unknown one the same reply and no mail; the limit holds', async () => {
    const { server, inbox } = await serverWithMail();
    const organiser = await setUpOrganiser(server.url, (await server.setupUrl())!);
    await expectOk(server.url, 'POST', '/api/account/email', {
      as: organiser,
      body: { email: 'olu@example.nhs.uk' },
    });
    await expectOk(server.url, 'POST', '/api/sign-out', { as: organiser });

    const known = await callApi(server.url, 'POST', '/api/sign-in/email', {
      body: { email: 'OLU@example.nhs.uk' },
    });
    const unknown = await callApi(server.url, 'POST', '/api/sign-in/email', {
      body: { email: 'nobody@example.nhs.uk' },
    });
    expect([known.status, known.body]).toEqual([200, { sent: true }]);
    expect([unknown.status, unknown.body]).toEqual([200, { sent: true }]);
    await expect.poll(() => inbox.to('olu@example.nhs.uk').length).toBe(1);
    const [mail] = inbox.to('olu@example.nhs.uk');
    expect(mail!.subject).toBe('Your Setboard sign-in link');
    const url = linkIn(mail!.text, 'sign-in')!;
    const signedIn = await expectOk<SessionView>(server.url, 'POST', '/api/links/sign-in', {
      body: { token: new URL(url).hash.slice(1) },
    });
    // A link mailed to your own address is a strong sign-in, and nobody else issued it.
    expect(signedIn.body.account).toMatchObject({ strongSignIn: true, signInNotices: [] });
    const back: TestPerson = {
      personId: organiser.personId,
      name: organiser.name,
      cookie: signedIn.setCookie!.split(';')[0]!,
    };
    expect((await callApi(server.url, 'GET', '/api/organiser-links', { as: back })).status).toBe(
      200,
    );

    // Three per address per hour, known or not: the fourth is refused.
    for (let attempt = 0; attempt < 2; attempt++) {
      await expectOk(server.url, 'POST', '/api/sign-in/email', {
        body: { email: 'nobody@example.nhs.uk' },
      });
    }
    const limited = await callApi<ApiErrorBody>(server.url, 'POST', '/api/sign-in/email', {
      body: { email: 'nobody@example.nhs.uk' },
    });
    expect([limited.status, limited.body.error?.code]).toEqual([429, 'rate_limited']);
    expect(inbox.to('nobody@example.nhs.uk')).toEqual([]);
  });

  it('[AT-GI2] without a mailer the session says so, e-mail sign-in is not there, and nothing is sent', async () => {
    const inbox = await startSmtpInbox();
    closeWhenTestEnds(() => inbox.close());
    const server = await startTestServer();
    const organiser = await setUpOrganiser(server.url, (await server.setupUrl())!);
    const view = await expectOk<SessionView>(server.url, 'GET', '/api/session', { as: organiser });
    expect(view.body.mailEnabled).toBe(false);
    const set = await createSet(server.url, organiser);
    const created = await expectOk<CreatedLink>(
      server.url,
      'POST',
      `/api/sets/${set.id}/invitations`,
      { as: organiser, body: { role: 'member', email: 'mo@example.nhs.uk' } },
    );
    expect(created.body.mailed).toBeUndefined();
    const refused = await callApi<ApiErrorBody>(server.url, 'POST', '/api/sign-in/email', {
      body: { email: 'mo@example.nhs.uk' },
    });
    expect([refused.status, refused.body.error?.code]).toEqual([404, 'not_found']);
    expect(inbox.messages).toEqual([]);
  });
});

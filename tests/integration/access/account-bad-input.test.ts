/**
 * Bad input on every route of issue 11 gets a clear error (`validation`, with the field named)
 * and changes nothing: wrong types, unknown fields, oversized values, a spent recovery code.
 */
import { describe, expect, it } from 'vitest';
import type { ApiErrorBody, CreatedLink, SessionView } from '@setboard/shared';
import { createSmtpMailer } from '../../../server/src/mail/smtp-mailer.js';
import { callApi, expectOk, setUpOrganiser } from '../../support/actors.js';
import { closeWhenTestEnds } from '../../support/cleanup.js';
import { startSmtpInbox } from '../../support/smtp-inbox.js';
import { startTestServer } from '../../support/test-server.js';

describe('Bad input on the sign-in and account routes', () => {
  it('[AT-GI6] wrong types, unknown fields and oversized values are refused with the field named, and nothing changes', async () => {
    const inbox = await startSmtpInbox();
    closeWhenTestEnds(() => inbox.close());
    const mailer = createSmtpMailer({ url: inbox.url, from: 'setboard@example.nhs.uk' });
    closeWhenTestEnds(() => mailer.close());
    const server = await startTestServer({ mailer });
    const organiser = await setUpOrganiser(server.url, (await server.setupUrl())!);
    const second = await expectOk<CreatedLink>(server.url, 'POST', '/api/organiser-links', {
      as: organiser,
      body: {},
    });
    const before = await expectOk<SessionView>(server.url, 'GET', '/api/session', {
      as: organiser,
    });

    const cases: Array<[string, string, unknown]> = [
      ['/api/account/email', 'email', { email: 42 }],
      ['/api/account/email', 'email', { email: 'not an address' }],
      ['/api/account/email', 'email', { email: `${'x'.repeat(250)}@example.nhs.uk` }],
      ['/api/account/email', '', { email: 'olu@example.nhs.uk', isOrganiser: false }],
      ['/api/account/recovery-code/use', 'code', { code: 1234 }],
      ['/api/account/recovery-code/use', 'code', { code: 'A'.repeat(100) }],
      ['/api/account/recovery-code/use', 'code', { code: 'ABCD-EFGH' }],
      ['/api/account/recovery-code/use', '', { code: 'ABCD-EFGH-JKLM-NPQR', extra: true }],
      ['/api/account/notices/seen', 'ids', { ids: 'all' }],
      ['/api/account/notices/seen', 'ids', { ids: Array.from({ length: 101 }, () => 'x') }],
      ['/api/sign-in/email', 'email', { email: ['olu@example.nhs.uk'] }],
      ['/api/sign-in/email', '', { email: 'olu@example.nhs.uk', to: 'someone@else.org' }],
      [
        `/api/organisers/${organiser.personId}/sign-in-links`,
        'expiresInDays',
        { expiresInDays: 99 },
      ],
      [
        `/api/organisers/${organiser.personId}/sign-in-links`,
        'expiresInDays',
        { expiresInDays: 'two' },
      ],
      [`/api/organisers/${organiser.personId}/sign-in-links`, '', { personId: 'someone' }],
    ];
    for (const [path, field, body] of cases) {
      const reply = await callApi<ApiErrorBody>(server.url, 'POST', path, { as: organiser, body });
      expect(reply.status, `${path} ${JSON.stringify(body).slice(0, 60)}`).toBe(400);
      expect(reply.body.error?.code).toBe('validation');
      expect(reply.body.error?.issues?.length, path).toBeGreaterThan(0);
      if (field) expect(reply.body.error?.issues?.map((issue) => issue.path)).toContain(field);
    }
    // A body far over the size limit is refused before it is read.
    const huge = await callApi(server.url, 'POST', '/api/account/email', {
      as: organiser,
      body: { email: `${'x'.repeat(2_000_000)}@example.nhs.uk` },
    });
    expect(huge.status).toBe(413);

    const after = await expectOk<SessionView>(server.url, 'GET', '/api/session', {
      as: organiser,
    });
    expect(after.body).toEqual(before.body);
    const links = await expectOk<{ links: unknown[] }>(server.url, 'GET', '/api/organiser-links', {
      as: organiser,
    });
    expect(links.body.links).toHaveLength(1);
    expect(second.body.link.kind).toBe('organiser');
    expect(inbox.messages).toEqual([]);
  });
});

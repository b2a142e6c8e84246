/**
 * A link someone else issued never opens what is only yours (docs/security.md, "Sign-in
 * links"): a facilitator who issues a member's sign-in link and uses it themselves reaches the
 * set, but not the member's learning log (/yjs) or account settings (HTTP), until a strong
 * sign-in; the member is told who issued it; organisers cannot issue one for a member; the
 * member's recovery code opens the log once and is spent.
 */
import { describe, expect, it } from 'vitest';
import type { ApiErrorBody, CreatedLink, SessionView } from '@setboard/shared';
import { YjsCloseCode } from '@setboard/shared';
import {
  acceptInvitation,
  callApi,
  createSet,
  expectOk,
  invite,
  setUpOrganiser,
  tokenOf,
  type TestPerson,
} from '../../support/actors.js';
import { closeCode, openRaw } from '../../support/raw-yjs.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { connectYjs } from '../../support/yjs-client.js';

const codeOf = (reply: { status: number; body: unknown }) => [
  reply.status,
  (reply.body as ApiErrorBody).error?.code,
];

async function joinWithCode(server: TestServer, url: string, name: string) {
  const reply = await expectOk<{ session: SessionView }>(server.url, 'POST', '/api/links/redeem', {
    body: {
      token: tokenOf(url),
      decision: 'accept',
      profile: {
        name,
        organisation: 'Trust',
        jobTitle: 'Head of Service',
        band: 'band_8a',
        bio: '',
      },
    },
  });
  const person: TestPerson = {
    personId: reply.body.session.person!.id,
    name,
    cookie: reply.setCookie!.split(';')[0]!,
  };
  return { person, recoveryCode: reply.body.session.newRecoveryCode! };
}

describe('No impersonation with sign-in links', () => {
  it('[AT-GI7] a facilitator’s link for a member reaches the set but not the member’s log or settings until the recovery code, which works once', async () => {
    const server = await startTestServer();
    const organiser = await setUpOrganiser(server.url, (await server.setupUrl())!);
    const set = await createSet(server.url, organiser);
    const facilitator = await acceptInvitation(
      server.url,
      await invite(server.url, organiser, set.id, 'facilitator'),
      'Fran Facilitator',
    );
    const { person: member, recoveryCode } = await joinWithCode(
      server,
      await invite(server.url, organiser, set.id),
      'Mo Member',
    );
    expect(recoveryCode).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
    // The member's own session opens their log.
    const own = connectYjs(server.url, `log:${member.personId}`, member);
    await own.synced();

    // An organiser may not issue a member's sign-in link at all.
    const byOrganiser = await callApi(server.url, 'POST', `/api/sets/${set.id}/sign-in-links`, {
      as: organiser,
      body: { personId: member.personId },
    });
    expect(codeOf(byOrganiser)).toEqual([403, 'forbidden']);

    // The facilitator issues one and redeems it in their own "browser".
    const link = await expectOk<CreatedLink>(
      server.url,
      'POST',
      `/api/sets/${set.id}/sign-in-links`,
      { as: facilitator, body: { personId: member.personId } },
    );
    const redeemed = await expectOk<SessionView>(server.url, 'POST', '/api/links/sign-in', {
      body: { token: tokenOf(link.body.url) },
    });
    const impostor: TestPerson = { ...member, cookie: redeemed.setCookie!.split(';')[0]! };
    expect(redeemed.body.account?.strongSignIn).toBe(false);
    expect((await callApi(server.url, 'GET', '/api/my/sets', { as: impostor })).status).toBe(200);
    const board = connectYjs(server.url, `set:${set.id}`, impostor);
    await board.synced();

    const refusedLog = await openRaw(server.url, `log:${member.personId}`, impostor);
    expect(await closeCode(refusedLog)).toBe(YjsCloseCode.forbidden);
    const settings = await callApi(server.url, 'POST', '/api/account/email', {
      as: impostor,
      body: { email: 'impostor@nhs.net' },
    });
    expect(codeOf(settings)).toEqual([403, 'strong_sign_in_needed']);
    expect(
      codeOf(await callApi(server.url, 'POST', '/api/account/recovery-code', { as: impostor })),
    ).toEqual([403, 'strong_sign_in_needed']);
    // Nor can whoever used the link hide the notice of it.
    const hidden = await callApi(server.url, 'POST', '/api/account/notices/seen', {
      as: impostor,
      body: { ids: redeemed.body.account!.signInNotices.map((notice) => notice.id) },
    });
    expect(codeOf(hidden)).toEqual([403, 'strong_sign_in_needed']);

    // The member, on their own device, is told who issued the link.
    const told = await expectOk<SessionView>(server.url, 'GET', '/api/session', { as: member });
    expect(told.body.account?.signInNotices).toEqual([
      expect.objectContaining({ issuedByName: 'Fran Facilitator' }),
    ]);
    expect(told.body.account?.strongSignIn).toBe(true);

    // A wrong code changes nothing; the right one opens the log, once.
    const wrong = await callApi(server.url, 'POST', '/api/account/recovery-code/use', {
      as: impostor,
      body: { code: 'AAAA-BBBB-CCCC-DDDD' },
    });
    expect(codeOf(wrong)).toEqual([400, 'validation']);
    const used = await expectOk<SessionView>(server.url, 'POST', '/api/account/recovery-code/use', {
      as: impostor,
      body: { code: recoveryCode.toLowerCase() },
    });
    expect(used.body.account).toMatchObject({ strongSignIn: true, hasRecoveryCode: false });
    const opened = connectYjs(server.url, `log:${member.personId}`, impostor);
    await opened.synced();
    expect(opened.provider.wsconnected).toBe(true);

    const second = await expectOk<CreatedLink>(
      server.url,
      'POST',
      `/api/sets/${set.id}/sign-in-links`,
      { as: facilitator, body: { personId: member.personId } },
    );
    const again = await expectOk(server.url, 'POST', '/api/links/sign-in', {
      body: { token: tokenOf(second.body.url) },
    });
    const secondDevice: TestPerson = { ...member, cookie: again.setCookie!.split(';')[0]! };
    const spent = await callApi(server.url, 'POST', '/api/account/recovery-code/use', {
      as: secondDevice,
      body: { code: recoveryCode },
    });
    expect(codeOf(spent)).toEqual([400, 'validation']);
    expect(await closeCode(await openRaw(server.url, `log:${member.personId}`, secondDevice))).toBe(
      YjsCloseCode.forbidden,
    );

    const audit = await expectOk<{ events: { action: string; detail: string }[] }>(
      server.url,
      'GET',
      '/api/audit',
      { as: organiser },
    );
    const details = audit.body.events.map((event) => `${event.action}:${event.detail}`);
    expect(details).toContain('link.redeemed:sign_in:issued_by_other');
    expect(details).toContain('recovery_code.used:');
    expect(details).toContain('access.denied:sign_in_link');
  });

  it('[AT-GI7] organisers issue sign-in links for other organisers, not for themselves', async () => {
    const server = await startTestServer();
    const first = await setUpOrganiser(server.url, (await server.setupUrl())!);
    const invitation = await expectOk<CreatedLink>(server.url, 'POST', '/api/organiser-links', {
      as: first,
      body: {},
    });
    const second = await acceptInvitation(server.url, invitation.body.url, 'Sam Second');
    const listed = await expectOk<{ organisers: { id: string; name: string }[] }>(
      server.url,
      'GET',
      '/api/organisers',
      { as: first },
    );
    expect(listed.body.organisers.map((each) => each.name)).toEqual(['Sam Second']);
    const link = await expectOk<CreatedLink>(
      server.url,
      'POST',
      `/api/organisers/${second.personId}/sign-in-links`,
      { as: first, body: {} },
    );
    const signedIn = await expectOk<SessionView>(server.url, 'POST', '/api/links/sign-in', {
      body: { token: tokenOf(link.body.url) },
    });
    expect(signedIn.body.person).toMatchObject({ id: second.personId, isOrganiser: true });
    const self = await callApi(
      server.url,
      'POST',
      `/api/organisers/${first.personId}/sign-in-links`,
      {
        as: first,
        body: {},
      },
    );
    expect(codeOf(self)).toEqual([404, 'not_found']);
  });
});

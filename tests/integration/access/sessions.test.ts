/**
 * The set-up link, the session cookie and its lifetime: rotation when an invitation is redeemed,
 * sign-out, idle and absolute expiry on an injected clock, "My sets", and an audit log that
 * records who did what without a single secret in it.
 */
import { describe, expect, it } from 'vitest';
import {
  ErrorCode,
  SESSION_COOKIE,
  type ApiErrorBody,
  type AuditEvent,
  type CreatedLink,
  type SessionView,
  type SetSummary,
} from '@setboard/shared';
import { DEFAULT_SESSION_LIFETIME } from '../../../server/src/access/sessions.js';

const SESSION_IDLE_MS = DEFAULT_SESSION_LIFETIME.idleMs;
const SESSION_ABSOLUTE_MS = DEFAULT_SESSION_LIFETIME.absoluteMs;
import {
  acceptInvitation,
  aSet,
  callApi,
  createSet,
  expectOk,
  invite,
  profile,
  setUpOrganiser,
  setWithPeople,
  tokenOf,
  type ApiReply,
  type TestPerson,
} from '../../support/actors.js';
import { connectSocket } from '../../support/socket-client.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';

const DAY_MS = 24 * 60 * 60 * 1000;

function session(server: TestServer, as: TestPerson | null) {
  return callApi<SessionView>(server.url, 'GET', '/api/session', { as });
}

function mySets(server: TestServer, as: TestPerson) {
  return callApi<{ sets: SetSummary[] } & ApiErrorBody>(server.url, 'GET', '/api/my/sets', { as });
}

function setUp(server: TestServer, token: string, name = 'Olu Organiser') {
  return callApi<SessionView & ApiErrorBody>(server.url, 'POST', '/api/setup', {
    body: { token, profile: profile(name) },
  });
}

const refusalOf = (reply: ApiReply<ApiErrorBody>) => [reply.status, reply.body.error?.code];

/** The same token with one character changed. */
function mutated(token: string): string {
  return `${token.slice(0, -1)}${token.at(-1) === 'A' ? 'B' : 'A'}`;
}

/** Who a set-up reply signed in, with the cookie it set. */
function signedInBySetup(reply: ApiReply<SessionView>): TestPerson {
  const person = reply.body.person;
  if (!person) throw new Error('the set-up signed nobody in');
  return personFromCookie({ personId: person.id, name: person.name, cookie: '' }, reply);
}

/** The person a reply's Set-Cookie signs in. */
function personFromCookie(person: TestPerson, reply: ApiReply): TestPerson {
  if (!reply.setCookie) throw new Error('the reply set no cookie');
  return { ...person, cookie: reply.setCookie.split(';')[0]! };
}

describe('The set-up link', () => {
  it('works once; a wrong or deliberately superseded token is unknown; afterwards there is no set-up to do', async () => {
    const server = await startTestServer();
    expect((await session(server, null)).body).toMatchObject({ person: null, setupPending: true });
    const superseded = tokenOf((await server.setupUrl())!);
    expect(tokenOf((await server.setupUrl())!)).toBe(superseded);
    await server.app.services.onboarding.newSetupToken();
    const token = tokenOf((await server.setupUrl())!);
    expect(token).not.toBe(superseded);

    expect(refusalOf(await setUp(server, mutated(token)))).toEqual([404, 'link_unknown']);
    expect(refusalOf(await setUp(server, superseded))).toEqual([404, 'link_unknown']);
    const first = await setUp(server, token);
    expect(first.status).toBe(200);
    expect(first.body.person).toMatchObject({ name: 'Olu Organiser', isOrganiser: true });
    expect(refusalOf(await setUp(server, token, 'Second Comer'))).toEqual([410, 'link_used']);

    expect(await server.setupUrl()).toBeNull();
    expect((await session(server, null)).body).toMatchObject({ person: null, setupPending: false });
    const organiser = signedInBySetup(first);
    expect((await session(server, organiser)).body).toMatchObject({
      person: { name: 'Olu Organiser', isOrganiser: true },
      setupPending: false,
    });
  });
});

describe('The session cookie', () => {
  // PUBLIC_URL=https://… should add Secure; startTestServer cannot set publicUrl, so that case
  // is not covered here.
  it('is HttpOnly, SameSite=Lax, Path=/, not Secure over http, and carries 256 random bits', async () => {
    const server = await startTestServer();
    const token = tokenOf((await server.setupUrl())!);
    const setup = await setUp(server, token);
    const organiser = signedInBySetup(setup);
    const set = await createSet(server.url, organiser);
    const redeemed = await callApi(server.url, 'POST', '/api/links/redeem', {
      body: {
        token: tokenOf(await invite(server.url, organiser, set.id)),
        decision: 'accept',
        profile: profile('Mo Member'),
      },
    });

    const values: string[] = [];
    for (const reply of [setup, redeemed]) {
      const [pair, ...attributes] = reply.setCookie!.split(/;\s*/);
      const [name, value] = pair!.split('=');
      expect(name).toBe(SESSION_COOKIE);
      expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
      values.push(value!);
      expect(attributes).toEqual(
        expect.arrayContaining([
          'HttpOnly',
          'SameSite=Lax',
          'Path=/',
          `Max-Age=${SESSION_ABSOLUTE_MS / 1000}`,
        ]),
      );
      expect(attributes.some((attribute) => /^secure$/i.test(attribute))).toBe(false);
    }
    expect(new Set(values).size).toBe(2);
  });
});

describe('Session lifetime', () => {
  it('redeeming an invitation while signed in rotates the session id, and the person sees both sets', async () => {
    const server = await startTestServer();
    const {
      organiser,
      set: first,
      members,
    } = await setWithPeople(server.url, await server.setupUrl(), 1);
    const member = members[0]!;
    const second = await createSet(server.url, organiser, aSet({ name: 'Finance leads set' }));

    const redeemed = await callApi<{ session: SessionView; setId: string }>(
      server.url,
      'POST',
      '/api/links/redeem',
      {
        as: member,
        body: {
          token: tokenOf(await invite(server.url, organiser, second.id)),
          decision: 'accept',
          profile: profile('Someone Else'),
        },
      },
    );
    expect(redeemed.status).toBe(200);
    expect(redeemed.body.session.person?.id).toBe(member.personId);
    expect(redeemed.body.setId).toBe(second.id);
    const rotated = personFromCookie(member, redeemed);
    expect(rotated.cookie).not.toBe(member.cookie);

    expect((await session(server, member)).body.person).toBeNull();
    expect(refusalOf(await mySets(server, member))).toEqual([401, 'unauthenticated']);
    expect((await session(server, rotated)).body.person?.id).toBe(member.personId);
    const sets = (await mySets(server, rotated)).body.sets;
    expect(sets.map((each) => [each.id, each.viewerRole]).sort()).toEqual(
      [
        [first.id, 'member'],
        [second.id, 'member'],
      ].sort(),
    );
  });

  it('a person in two sets, as facilitator of one and member of the other, sees both in My sets', async () => {
    const server = await startTestServer();
    const { organiser, set: first } = await setWithPeople(server.url, await server.setupUrl(), 0);
    const second = await createSet(server.url, organiser, aSet({ name: 'Estates leads set' }));
    const dual = await acceptInvitation(
      server.url,
      await invite(server.url, organiser, first.id, 'facilitator'),
      'Dee Dual',
    );
    const joined = await callApi(server.url, 'POST', '/api/links/redeem', {
      as: dual,
      body: {
        token: tokenOf(await invite(server.url, organiser, second.id)),
        decision: 'accept',
        profile: profile('Dee Dual'),
      },
    });
    const sets = (await mySets(server, personFromCookie(dual, joined))).body.sets;
    expect(Object.fromEntries(sets.map((each) => [each.name, each.viewerRole]))).toEqual({
      [first.name]: 'facilitator',
      'Estates leads set': 'member',
    });
  });

  it('sign-out ends the session', async () => {
    const server = await startTestServer();
    const organiser = await setUpOrganiser(server.url, (await server.setupUrl())!);
    const signedOut = await expectOk<{ done: true }>(server.url, 'POST', '/api/sign-out', {
      as: organiser,
    });
    expect(signedOut.body).toEqual({ done: true });
    expect(signedOut.setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));

    expect(refusalOf(await mySets(server, organiser))).toEqual([401, 'unauthenticated']);
    expect((await session(server, organiser)).body).toMatchObject({
      person: null,
      setupPending: false,
    });
  });

  it('[H4] a session unused past its idle limit has ended, for HTTP and for Socket.IO', async () => {
    let clock = Date.UTC(2027, 2, 1, 9, 0);
    const server = await startTestServer({ now: () => clock });
    const organiser = await setUpOrganiser(server.url, (await server.setupUrl())!);
    expect((await mySets(server, organiser)).status).toBe(200);

    clock += SESSION_IDLE_MS + DAY_MS;
    expect((await session(server, organiser)).body.person).toBeNull();
    expect(refusalOf(await mySets(server, organiser))).toEqual([401, 'unauthenticated']);
    const socket = connectSocket(server.url, { as: organiser });
    const refusal = await new Promise<{ data?: { code?: string } }>((resolve) =>
      socket.once('connect_error', resolve),
    );
    expect(refusal.data?.code).toBe(ErrorCode.unauthenticated);
  });

  it('use keeps a session alive, but never past its absolute lifetime of 400 days', async () => {
    const startedAt = Date.UTC(2027, 2, 1, 9, 0);
    let clock = startedAt;
    const server = await startTestServer({ now: () => clock });
    const organiser = await setUpOrganiser(server.url, (await server.setupUrl())!);

    const step = SESSION_IDLE_MS - DAY_MS;
    let uses = 0;
    while (clock + step < startedAt + SESSION_ABSOLUTE_MS) {
      clock += step;
      expect((await mySets(server, organiser)).status, `after ${clock - startedAt} ms`).toBe(200);
      uses++;
    }
    expect(uses * step).toBeGreaterThan(SESSION_IDLE_MS * 2);

    clock = startedAt + SESSION_ABSOLUTE_MS - 1;
    expect((await mySets(server, organiser)).status).toBe(200);
    clock = startedAt + SESSION_ABSOLUTE_MS;
    expect(refusalOf(await mySets(server, organiser))).toEqual([401, 'unauthenticated']);
    expect((await session(server, organiser)).body.person).toBeNull();
  });
});

describe('The audit log', () => {
  it('records the security events of a set’s life, and no token or cookie value anywhere', async () => {
    const server = await startTestServer();
    const setupToken = tokenOf((await server.setupUrl())!);
    const organiser = await setUpOrganiser(server.url, `${server.url}/setup#${setupToken}`);
    const set = await createSet(server.url, organiser);
    const invitationUrl = await invite(server.url, organiser, set.id);
    const member = await acceptInvitation(server.url, invitationUrl, 'Mo Member');
    const facilitator = await acceptInvitation(
      server.url,
      await invite(server.url, organiser, set.id, 'facilitator'),
      'Fran Facilitator',
    );
    const declinedUrl = await invite(server.url, organiser, set.id);
    await expectOk(server.url, 'POST', '/api/links/redeem', {
      body: { token: tokenOf(declinedUrl), decision: 'decline' },
    });
    const withdrawn = await expectOk<CreatedLink>(
      server.url,
      'POST',
      `/api/sets/${set.id}/invitations`,
      {
        as: organiser,
        body: { role: 'member' },
      },
    );
    await expectOk(
      server.url,
      'POST',
      `/api/sets/${set.id}/links/${withdrawn.body.link.id}/revoke`,
      {
        as: organiser,
      },
    );
    const reused = await callApi(server.url, 'POST', '/api/links/inspect', {
      body: { token: tokenOf(invitationUrl) },
    });
    expect(reused.status).toBe(410);
    const signInLink = await expectOk<CreatedLink>(
      server.url,
      'POST',
      `/api/sets/${set.id}/sign-in-links`,
      {
        as: facilitator,
        body: { personId: member.personId },
      },
    );
    const signedIn = await expectOk(server.url, 'POST', '/api/links/sign-in', {
      body: { token: tokenOf(signInLink.body.url) },
    });
    const onNewDevice = personFromCookie(member, signedIn);
    expect((await callApi(server.url, 'GET', '/api/audit', { as: onNewDevice })).status).toBe(403);
    await expectOk(server.url, 'POST', '/api/sign-out', { as: onNewDevice });
    await expectOk(server.url, 'DELETE', `/api/sets/${set.id}/members/${member.personId}`, {
      as: organiser,
    });

    const audit = await expectOk<{ events: AuditEvent[] }>(server.url, 'GET', '/api/audit', {
      as: organiser,
    });
    const actions = [...new Set(audit.body.events.map((event) => event.action))];
    for (const action of [
      'setup.completed',
      'session.created',
      'set.created',
      'link.created',
      'link.redeemed',
      'link.declined',
      'link.revoked',
      'link.refused',
      'session.ended',
      'access.denied',
      'member.removed',
    ] as const) {
      expect(actions, action).toContain(action);
    }
    expect(audit.body.events.find((event) => event.action === 'member.removed')).toMatchObject({
      actorId: organiser.personId,
      actorName: 'Olu Organiser',
      setId: set.id,
    });
    expect(audit.body.events.find((event) => event.action === 'link.refused')?.detail).toBe('used');

    const secrets = [
      setupToken,
      tokenOf(invitationUrl),
      tokenOf(declinedUrl),
      tokenOf(withdrawn.body.url),
      tokenOf(signInLink.body.url),
      ...[organiser, member, onNewDevice].map((person) => person.cookie.split('=')[1]!),
    ];
    const json = JSON.stringify(audit.body);
    expect(secrets.filter((secret) => json.includes(secret))).toEqual([]);
    expect(json).not.toContain(SESSION_COOKIE);
  });
});

/**
 * Links: invitations and sign-in links work once, expire, can be withdrawn, and each refusal has
 * its own code; of many simultaneous redemptions exactly one gets through; and no raw token is
 * ever stored [AT-B2]. On each backend every test gets its own namespace (SQLite key prefix, Redis
 * key prefix) of one store the file shares, so the last test can search everything the suite
 * stored for every secret the suite saw.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_LINK_EXPIRY_DAYS,
  type ApiErrorBody,
  type CreatedLink,
  type LinkView,
  type SessionView,
  type SetView,
} from '@setboard/shared';
import { Collection } from '../../../server/src/access/records.js';
import {
  acceptInvitation,
  callApi,
  createSet,
  expectOk,
  profile,
  setUpOrganiser,
  tokenOf,
  type ApiReply,
  type TestPerson,
} from '../../support/actors.js';
import { redisForSuite } from '../../support/services.js';
import { connectSocket, waitForConnect } from '../../support/socket-client.js';
import type { TestServer } from '../../support/test-server.js';
import { connectYjs } from '../../support/yjs-client.js';
import {
  placesHolding,
  redisStorage,
  sqliteStorage,
  type SuiteStorage,
} from '../../support/stored-bytes.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
/** As many simultaneous redemptions as the test's name says. */
const RACERS = 50;

const redis = await redisForSuite('Links on Redis');

// ---------------------------------------------------------------------------------------------
// Every secret the tests handle, so the last test can look for each in what the stores kept.

const secretsSeen = new Set<string>();

function cookieValue(cookie: string): string {
  return cookie.split(';')[0]!.split('=')[1] ?? '';
}

function keepUrl(url: string): string {
  secretsSeen.add(tokenOf(url));
  return url;
}

function keepPerson<T extends TestPerson>(person: T): T {
  secretsSeen.add(cookieValue(person.cookie));
  return person;
}

function keepReply<R extends ApiReply>(reply: R): R {
  const value = reply.setCookie ? cookieValue(reply.setCookie) : '';
  if (value) secretsSeen.add(value);
  return reply;
}

// ---------------------------------------------------------------------------------------------
// Steps the tests share.

async function organiserWithSet(server: TestServer) {
  const setupUrl = keepUrl((await server.setupUrl())!);
  const organiser = keepPerson(await setUpOrganiser(server.url, setupUrl));
  return { organiser, set: await createSet(server.url, organiser) };
}

/** A new invitation (or sign-in link): its id, for revoking, and its token. */
async function newLink(
  server: TestServer,
  by: TestPerson,
  path: string,
  body: Record<string, unknown>,
): Promise<{ id: string; token: string }> {
  const { link, url } = (await expectOk<CreatedLink>(server.url, 'POST', path, { as: by, body }))
    .body;
  return { id: link.id, token: tokenOf(keepUrl(url)) };
}

function invitation(server: TestServer, by: TestPerson, setId: string, role = 'member') {
  return newLink(server, by, `/api/sets/${setId}/invitations`, { role });
}

async function join(server: TestServer, by: TestPerson, setId: string, name: string) {
  const { token } = await invitation(server, by, setId);
  return keepPerson(
    await acceptInvitation(server.url, `${server.url}/invitation#${token}`, name, {
      organisation: `${name}'s Trust`,
    }),
  );
}

async function redeem(
  server: TestServer,
  token: string,
  decision: 'accept' | 'decline',
  name = 'Rae Redeemer',
  as: TestPerson | null = null,
) {
  const body =
    decision === 'accept' ? { token, decision, profile: profile(name) } : { token, decision };
  const reply = await callApi<{ session: SessionView } & ApiErrorBody>(
    server.url,
    'POST',
    '/api/links/redeem',
    { body, as },
  );
  return keepReply(reply);
}

function inspect(server: TestServer, token: string) {
  return callApi<ApiErrorBody>(server.url, 'POST', '/api/links/inspect', { body: { token } });
}

const refusalOf = (reply: ApiReply<ApiErrorBody>) => [reply.status, reply.body.error?.code];

/** The same token with one character changed. */
function mutated(token: string): string {
  const last = token.at(-1) === 'A' ? 'B' : 'A';
  return `${token.slice(0, -1)}${last}`;
}

async function linksOf(server: TestServer, by: TestPerson, setId: string) {
  return (
    await expectOk<{ links: LinkView[] }>(server.url, 'GET', `/api/sets/${setId}/links`, { as: by })
  ).body.links;
}

async function peopleStored(server: TestServer): Promise<number> {
  return (await server.store.list(Collection.people)).length;
}

// ---------------------------------------------------------------------------------------------

function describeLinks(storage: SuiteStorage) {
  afterAll(() => storage.remove());

  it('[AT-B2] 50 parallel redemptions of one invitation: exactly one succeeds', async () => {
    const servers = await storage.start(
      { rateLimits: { links: { points: 1000, durationSeconds: 60 } } },
      storage.raceInstances,
    );
    const first = servers[0]!;
    const { organiser, set } = await organiserWithSet(first);
    const { token } = await invitation(first, organiser, set.id);
    const peopleBefore = await peopleStored(first);

    const replies = await Promise.all(
      Array.from({ length: RACERS }, (_, index) =>
        redeem(servers[index % servers.length]!, token, 'accept', `Racer ${index + 1}`),
      ),
    );

    const accepted = replies.filter((reply) => reply.status === 200);
    expect(accepted).toHaveLength(1);
    expect(replies.filter((reply) => reply.status !== 200).map(refusalOf)).toEqual(
      Array.from({ length: RACERS - 1 }, () => [410, 'link_used']),
    );
    const winner = accepted[0]!.body.session.person!;
    const view = await expectOk<SetView>(first.url, 'GET', `/api/sets/${set.id}`, {
      as: organiser,
    });
    expect(view.body.members.map((member) => [member.person.id, member.person.name])).toEqual([
      [winner.id, winner.name],
    ]);
    expect(await peopleStored(first)).toBe(peopleBefore + 1);
  });

  it('[AT-B2] expired, mutated, revoked and used tokens are refused with distinct codes', async () => {
    let clock = Date.UTC(2027, 0, 4, 9, 0);
    const [server] = (await storage.start({ now: () => clock })) as [TestServer];
    const { organiser, set } = await organiserWithSet(server);
    const used = await invitation(server, organiser, set.id);
    const revoked = await invitation(server, organiser, set.id);
    const expiring = await invitation(server, organiser, set.id);
    expect((await redeem(server, used.token, 'accept')).status).toBe(200);
    await expectOk(server.url, 'POST', `/api/sets/${set.id}/links/${revoked.id}/revoke`, {
      as: organiser,
    });

    clock += DEFAULT_LINK_EXPIRY_DAYS * DAY_MS - MINUTE_MS;
    expect((await inspect(server, expiring.token)).status).toBe(200);
    clock += MINUTE_MS;

    const tokens = {
      mutated: mutated(expiring.token),
      revoked: revoked.token,
      used: used.token,
      expired: expiring.token,
    };
    const expected = {
      mutated: [404, 'link_unknown'],
      revoked: [410, 'link_revoked'],
      used: [410, 'link_used'],
      expired: [410, 'link_expired'],
    };
    for (const [name, token] of Object.entries(tokens)) {
      const want = expected[name as keyof typeof expected];
      expect(refusalOf(await redeem(server, token, 'accept')), `redeem ${name}`).toEqual(want);
      expect(refusalOf(await redeem(server, token, 'decline')), `decline ${name}`).toEqual(want);
      expect(refusalOf(await inspect(server, token)), `inspect ${name}`).toEqual(want);
    }
    expect(new Set(Object.values(expected).map(([, code]) => code)).size).toBe(4);

    const statuses = Object.fromEntries(
      (await linksOf(server, organiser, set.id)).map((link) => [link.id, link.status]),
    );
    expect([statuses[used.id], statuses[revoked.id], statuses[expiring.id]]).toEqual([
      'used',
      'revoked',
      'expired',
    ]);
  });

  it('the fourth inspection from one address within the window is refused with 429 and Retry-After', async () => {
    const [server] = (await storage.start({
      rateLimits: { links: { points: 3, durationSeconds: 60 } },
    })) as [TestServer];
    const { organiser, set } = await organiserWithSet(server);
    const { token } = await invitation(server, organiser, set.id);
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect((await inspect(server, token)).status).toBe(200);
    }

    const response = await fetch(`${server.url}/api/links/inspect`, {
      method: 'POST',
      headers: { origin: server.url, 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect(response.status).toBe(429);
    expect(((await response.json()) as ApiErrorBody).error.code).toBe('rate_limited');
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // The limit covers every token-bearing link route, not just inspection.
    expect(refusalOf(await redeem(server, token, 'accept'))).toEqual([429, 'rate_limited']);
  });

  it('declining an invitation creates no person, and the link shows as declined', async () => {
    const [server] = (await storage.start()) as [TestServer];
    const { organiser, set } = await organiserWithSet(server);
    const { id, token } = await invitation(server, organiser, set.id);
    const peopleBefore = await peopleStored(server);

    const declined = await redeem(server, token, 'decline');
    expect(declined.status).toBe(200);
    expect(declined.body.session.person).toBeNull();
    expect(declined.setCookie).toBeNull();

    expect(await peopleStored(server)).toBe(peopleBefore);
    const view = await expectOk<SetView>(server.url, 'GET', `/api/sets/${set.id}`, {
      as: organiser,
    });
    expect(view.body.members).toEqual([]);
    expect((await linksOf(server, organiser, set.id)).find((link) => link.id === id)).toMatchObject(
      {
        status: 'declined',
        personName: null,
      },
    );
    expect(refusalOf(await redeem(server, token, 'accept'))).toEqual([410, 'link_used']);
  });

  it('only organisers can invite a facilitator; a facilitator can invite members', async () => {
    const [server] = (await storage.start()) as [TestServer];
    const { organiser, set } = await organiserWithSet(server);
    const { token } = await invitation(server, organiser, set.id, 'facilitator');
    const facilitator = keepPerson(
      await acceptInvitation(server.url, `${server.url}/invitation#${token}`, 'Fran Facilitator'),
    );
    const member = await join(server, organiser, set.id, 'Mo Member');
    const asking = (as: TestPerson, role: string) =>
      callApi<ApiErrorBody>(server.url, 'POST', `/api/sets/${set.id}/invitations`, {
        as,
        body: { role },
      });

    expect(refusalOf(await asking(facilitator, 'facilitator'))).toEqual([403, 'forbidden']);
    expect(refusalOf(await asking(member, 'facilitator'))).toEqual([403, 'forbidden']);
    expect(refusalOf(await asking(member, 'member'))).toEqual([403, 'forbidden']);
    expect((await invitation(server, facilitator, set.id)).token).toMatch(/^[\w-]{43}$/);
    expect((await invitation(server, organiser, set.id, 'facilitator')).token).toMatch(
      /^[\w-]{43}$/,
    );
  });

  it('a sign-in link from the facilitator gives the member a new working session, once', async () => {
    const [server] = (await storage.start()) as [TestServer];
    const { organiser, set } = await organiserWithSet(server);
    const { token } = await invitation(server, organiser, set.id, 'facilitator');
    const facilitator = keepPerson(
      await acceptInvitation(server.url, `${server.url}/invitation#${token}`, 'Fran Facilitator'),
    );
    const member = await join(server, organiser, set.id, 'Mo Member');
    const signInLink = await newLink(server, facilitator, `/api/sets/${set.id}/sign-in-links`, {
      personId: member.personId,
    });
    const signIn = () =>
      callApi<SessionView & ApiErrorBody>(server.url, 'POST', '/api/links/sign-in', {
        body: { token: signInLink.token },
      }).then(keepReply);

    const signedIn = await signIn();
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.person?.id).toBe(member.personId);
    const newDevice: TestPerson = { ...member, cookie: signedIn.setCookie!.split(';')[0]! };
    expect(newDevice.cookie).not.toBe(member.cookie);
    const mySets = await expectOk<{ sets: { id: string }[] }>(server.url, 'GET', '/api/my/sets', {
      as: newDevice,
    });
    expect(mySets.body.sets.map((each) => each.id)).toEqual([set.id]);
    // The old device is not signed out by signing in on a new one.
    await expectOk(server.url, 'GET', '/api/my/sets', { as: member });

    expect(refusalOf(await signIn())).toEqual([410, 'link_used']);
    // A sign-in link is not an invitation, and a sign-in link is only for a member of the set.
    expect(refusalOf(await redeem(server, signInLink.token, 'accept'))).toEqual([
      404,
      'link_unknown',
    ]);
    const forOutsider = await callApi<ApiErrorBody>(
      server.url,
      'POST',
      `/api/sets/${set.id}/sign-in-links`,
      { as: facilitator, body: { personId: organiser.personId } },
    );
    expect(refusalOf(forOutsider)).toEqual([404, 'not_found']);
    expect(
      (await linksOf(server, facilitator, set.id)).find((link) => link.id === signInLink.id),
    ).toMatchObject({ kind: 'sign_in', status: 'used', personName: 'Mo Member' });
  });

  // Runs last: the file's tests run in order, and this one searches what all of them stored.
  it('[AT-B2] after the suite, the SQLite file and a Redis dump contain no raw token', async () => {
    // Its own story touches every kind of secret, so the test means something run alone too.
    const [server] = (await storage.start()) as [TestServer];
    const { organiser, set } = await organiserWithSet(server);
    const member = await join(server, organiser, set.id, 'Mo Member');
    const leaving = await join(server, organiser, set.id, 'Lee Leaving');
    await redeem(server, (await invitation(server, organiser, set.id)).token, 'decline');
    const withdrawn = await invitation(server, organiser, set.id);
    await expectOk(server.url, 'POST', `/api/sets/${set.id}/links/${withdrawn.id}/revoke`, {
      as: organiser,
    });
    const facilitator = keepPerson(
      await acceptInvitation(
        server.url,
        `${server.url}/invitation#${(await invitation(server, organiser, set.id, 'facilitator')).token}`,
        'Fran Facilitator',
      ),
    );
    const signInLink = await newLink(server, facilitator, `/api/sets/${set.id}/sign-in-links`, {
      personId: member.personId,
    });
    keepReply(
      await expectOk(server.url, 'POST', '/api/links/sign-in', {
        body: { token: signInLink.token },
      }),
    );
    const organiserLink = await newLink(server, organiser, '/api/organiser-links', {});
    // Redeemed by someone already signed in: their session rotates.
    await redeem(server, organiserLink.token, 'accept', 'Mo Member', member);
    // Realtime handshakes carry the cookie; a removal crosses the adapter.
    const socket = connectSocket(server.url, { as: leaving });
    await waitForConnect(socket);
    const board = connectYjs(server.url, `set:${set.id}`, leaving);
    await board.synced();
    board.text.insert(0, 'Our contract.');
    await expectOk(server.url, 'DELETE', `/api/sets/${set.id}/members/${leaving.personId}`, {
      as: organiser,
    });
    keepReply(await expectOk(server.url, 'POST', '/api/sign-out', { as: organiser }));

    // The search must be able to find a token that is there (also inside a compressed value).
    const canary = randomBytes(32).toString('base64url');
    await server.store.put('canary', 'probe', { token: canary, padding: 'abc'.repeat(100) }, 0);
    const stored = await storage.everythingStored();
    expect(placesHolding(stored, canary)).not.toEqual([]);

    expect(secretsSeen.size).toBeGreaterThan(10);
    const leaks = [...secretsSeen].flatMap((secret) =>
      placesHolding(stored, secret).map((where) => `${secret.slice(0, 6)}… in ${where}`),
    );
    expect(leaks).toEqual([]);
  });
}

describe('Links on SQLite', () => {
  describeLinks(sqliteStorage());
});

describe.skipIf(!redis.available)('Links on Redis (races across two instances)', () => {
  describeLinks(redisStorage());
});

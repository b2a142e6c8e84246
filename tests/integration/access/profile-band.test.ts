/**
 * Only members give their band (issue 17, item 9; `givesBand`): the mix check compares members'
 * levels and leaves everyone else out, so an organiser and a facilitator are not asked and keep
 * none, and a member invitation cannot be accepted without one.
 */
import { describe, expect, it } from 'vitest';
import type { SessionView, SetView } from '@setboard/shared';
import {
  callApi,
  createSet,
  expectOk,
  invite,
  profile,
  setUpOrganiser,
  tokenOf,
  type TestPerson,
} from '../../support/actors.js';
import { startTestServer } from '../../support/test-server.js';

function cookieOf(setCookie: string | null): string {
  if (!setCookie) throw new Error('no session cookie was set');
  return setCookie.split(';')[0]!;
}

function redeem(serverUrl: string, url: string, body: object, as?: TestPerson) {
  return callApi<{ session: SessionView; error?: { code: string; issues?: unknown[] } }>(
    serverUrl,
    'POST',
    '/api/links/redeem',
    { body: { token: tokenOf(url), decision: 'accept', ...body }, ...(as ? { as } : {}) },
  );
}

async function bandsIn(serverUrl: string, setId: string, as: TestPerson) {
  const view = (await expectOk<SetView>(serverUrl, 'GET', `/api/sets/${setId}`, { as })).body;
  return Object.fromEntries(view.members.map((member) => [member.person.name, member.person.band]));
}

describe('Who gives a band', () => {
  it('[AT-PO5] organisers and facilitators keep none; a member invitation needs one, also from someone signed in without one', async () => {
    const server = await startTestServer();
    // Even if a client sends one, nobody who was not asked keeps a band.
    const organiser = await setUpOrganiser(server.url, (await server.setupUrl())!);
    const mine = await expectOk<SessionView>(server.url, 'GET', '/api/session', { as: organiser });
    expect(mine.body.person?.band).toBeNull();

    const set = await createSet(server.url, organiser);
    const facilitatorReply = await redeem(
      server.url,
      await invite(server.url, organiser, set.id, 'facilitator'),
      { profile: { ...profile('Fran Facilitator'), band: undefined } },
    );
    expect(facilitatorReply.status).toBe(200);
    const facilitator: TestPerson = {
      personId: facilitatorReply.body.session.person!.id,
      name: 'Fran Facilitator',
      cookie: cookieOf(facilitatorReply.setCookie),
    };

    // A member without a band is refused, naming the field; the invitation still works after.
    const memberUrl = await invite(server.url, organiser, set.id);
    const bandless = await redeem(server.url, memberUrl, {
      profile: { ...profile('Mo Member'), band: null },
    });
    expect(bandless.status).toBe(400);
    expect(bandless.body.error).toMatchObject({
      code: 'validation',
      issues: [{ path: 'profile.band', message: 'Choose a band' }],
    });
    expect(
      (await redeem(server.url, memberUrl, { profile: profile('Mo Member', { band: 'band_8a' }) }))
        .status,
    ).toBe(200);
    expect(await bandsIn(server.url, set.id, organiser)).toEqual({
      'Fran Facilitator': null,
      'Mo Member': 'band_8a',
    });

    // The facilitator, signed in and never asked, joins another set as a member: now they give it.
    const other = await createSet(server.url, organiser);
    const asMember = await invite(server.url, organiser, other.id);
    const refused = await redeem(
      server.url,
      asMember,
      { profile: { ...profile('Fran Facilitator'), band: null } },
      facilitator,
    );
    expect(refused.status).toBe(400);
    const joined = await redeem(
      server.url,
      asMember,
      { profile: profile('Fran Facilitator', { band: 'band_8c' }) },
      facilitator,
    );
    expect(joined.status).toBe(200);
    const rejoined: TestPerson = { ...facilitator, cookie: cookieOf(joined.setCookie) };
    expect(await bandsIn(server.url, other.id, rejoined)).toEqual({
      'Fran Facilitator': 'band_8c',
    });
  });
});

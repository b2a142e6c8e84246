/**
 * [AT-RS8] Every route that takes a name (set-up, invitation, set creation) cleans it with the
 * one shared rule: a name with no visible letters is refused with a clear error and changes
 * nothing; bidi overrides and zero-width characters never reach the store.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { distinctNames, ErrorCode, type SetView } from '@setboard/shared';
import {
  acceptInvitation,
  aSet,
  callApi,
  expectOk,
  invite,
  profile,
  setWithPeople,
  tokenOf,
  type TestSet,
} from '../../support/actors.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';

let server: TestServer;
let people: TestSet;

beforeAll(async () => {
  server = await startTestServer();
  people = await setWithPeople(server.url, await server.setupUrl(), 1);
  return () => server.close();
});

async function setView(): Promise<SetView> {
  return (
    await expectOk<SetView>(server.url, 'GET', `/api/sets/${people.set.id}`, {
      as: people.organiser,
    })
  ).body;
}

describe('[AT-RS8] names', () => {
  it('[AT-RS8] an invisible name is refused on redemption and the invitation still works', async () => {
    const url = await invite(server.url, people.organiser, people.set.id);
    for (const name of ['\u200B\u200C\u200D\u2060', '\u202E\u202D\u2066', ' \u3164 ']) {
      const reply = await callApi<{ error: { code: string; issues: { path: string }[] } }>(
        server.url,
        'POST',
        '/api/links/redeem',
        { body: { token: tokenOf(url), decision: 'accept', profile: profile(name) } },
      );
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe(ErrorCode.validation);
      expect(reply.body.error.issues.map((issue) => issue.path)).toContain('profile.name');
    }
    const before = (await setView()).members.length;
    // Nothing was used up: the same link now works with a real name.
    await acceptInvitation(server.url, url, 'Rhys Evans');
    expect((await setView()).members).toHaveLength(before + 1);
  });

  it('[AT-RS8] bidi overrides and zero-width characters are stripped before the name is stored', async () => {
    const url = await invite(server.url, people.organiser, people.set.id);
    const person = await acceptInvitation(
      server.url,
      url,
      '\u202EnomiS\u202C \u200BAdebayo\u2069',
      {
        organisation: 'Leeds\u200B Trust\u202E',
      },
    );
    const stored = (await setView()).members.find((m) => m.person.id === person.personId)!;
    expect(stored.person.name).toBe('nomiS Adebayo');
    expect(stored.person.organisation).toBe('Leeds Trust');
    const raw = JSON.stringify(stored);
    for (const hidden of ['\u202E', '\u202C', '\u200B', '\u2069'])
      expect(raw).not.toContain(hidden);
  });

  it('[AT-RS8] a set name with no letters is refused and no set is made', async () => {
    const reply = await callApi(server.url, 'POST', '/api/sets', {
      as: people.organiser,
      body: aSet({ name: '\u200B\u202E' }),
    });
    expect(reply.status).toBe(400);
  });

  it('[AT-RS8] a copy of another member’s name is told apart by organisation in the set view', async () => {
    const original = people.members[0]!;
    const url = await invite(server.url, people.organiser, people.set.id);
    const copy = await acceptInvitation(server.url, url, `${original.name}\u200B`, {
      organisation: 'Another Trust',
    });
    const view = await setView();
    const shown = distinctNames(view.members.map((member) => member.person));
    expect(shown.get(original.personId)).toBe(`${original.name} (Trust 1)`);
    expect(shown.get(copy.personId)).toBe(`${original.name} (Another Trust)`);
    expect(shown.get(people.facilitator.personId)).toBe('Fran Facilitator');
  });
});

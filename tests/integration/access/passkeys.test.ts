/**
 * Passkeys over HTTP, with a software authenticator giving the JSON a browser gives, against
 * SQLite and Redis: a passkey added under "Your account" signs its person in (strongly) with no
 * name typed; a challenge works once and only for a few minutes, on any instance; a replayed
 * reply, a passkey Setboard does not know and a cloned authenticator's stale counter are refused;
 * the last way back in cannot be removed; a link someone else issued cannot add a passkey.
 * The challenges themselves are checked on each Store adapter too.
 */
import { describe, expect, it } from 'vitest';
import type { PasskeysReply, SessionView } from '@setboard/shared';
import { PasskeyChallenges } from '../../../server/src/access/passkey-challenges.js';
import { callApi, expectOk, setUpOrganiser, setWithPeople, tokenOf } from '../../support/actors.js';
import type { TestPerson } from '../../support/actors.js';
import { redisBackend, sqliteBackend } from '../../support/backends.js';
import { ManualClock } from '../../support/manual-clock.js';
import { SoftAuthenticator, type ReplyJson } from '../../support/soft-authenticator.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';

const START = Date.UTC(2026, 11, 7, 9, 0);
const backends = [
  { name: 'SQLite', open: () => sqliteBackend() },
  { name: 'Redis', open: () => redisBackend('passkeys') },
];

interface RegistrationOptions {
  challenge: string;
  rp: { id: string };
  user: { id: string };
}

async function addPasskey(
  server: TestServer,
  person: TestPerson,
  authenticator: SoftAuthenticator,
  name: string,
) {
  const options = await expectOk<RegistrationOptions>(
    server.url,
    'POST',
    '/api/account/passkeys/options',
    { as: person },
  );
  const response = authenticator.register(options.body, server.url);
  const added = await callApi<PasskeysReply>(server.url, 'POST', '/api/account/passkeys', {
    as: person,
    body: { response, name },
  });
  return { added, response };
}

async function signInOptions(serverUrl: string) {
  return (
    await expectOk<{ challenge: string; rpId: string }>(
      serverUrl,
      'POST',
      '/api/sign-in/passkey/options',
    )
  ).body;
}

function signIn(serverUrl: string, response: ReplyJson) {
  return callApi<SessionView>(serverUrl, 'POST', '/api/sign-in/passkey', { body: { response } });
}

const refusalText = (reply: { body: unknown }) =>
  JSON.stringify((reply.body as { error?: unknown }).error);

describe.each(backends)('[AT-GI1] passkeys over HTTP on $name', ({ open }) => {
  it('[AT-GI1] a passkey added under "Your account" signs in strongly with no name typed; replays, unknown passkeys and stale counters are refused', async () => {
    const backend = open();
    const server = await startTestServer({ store: backend.openStore() });
    const organiser = await setUpOrganiser(server.url, (await server.setupUrl())!);
    const phone = new SoftAuthenticator();

    const { added, response: registration } = await addPasskey(server, organiser, phone, 'Phone');
    expect(added.status).toBe(200);
    expect(added.body.passkeys.map((passkey) => passkey.name)).toEqual(['Phone']);
    expect(added.body.session.account?.passkeys).toBe(1);

    // The same registration reply again: its challenge is spent.
    const again = await callApi(server.url, 'POST', '/api/account/passkeys', {
      as: organiser,
      body: { response: registration, name: 'Phone again' },
    });
    expect(again.status).toBe(400);
    expect(refusalText(again)).toContain('expired or was already used');

    // Signing in: nobody is named; the passkey's user handle says who.
    const assertion = phone.authenticate(await signInOptions(server.url), server.url);
    const signedIn = await signIn(server.url, assertion);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.person?.id).toBe(organiser.personId);
    expect(signedIn.body.account?.strongSignIn).toBe(true);
    expect(signedIn.setCookie).toMatch(/setboard_session=/);

    // The same assertion replayed is refused, and starts no session.
    const replayed = await signIn(server.url, assertion);
    expect(replayed.status).toBe(400);
    expect(replayed.setCookie).toBeNull();

    // A passkey Setboard never saw, even one claiming to be the organiser's, is refused.
    const stranger = new SoftAuthenticator();
    stranger.register(
      {
        challenge: 'unused',
        rp: { id: '127.0.0.1' },
        user: { id: Buffer.from(organiser.personId).toString('base64url') },
      },
      server.url,
    );
    const unknown = await signIn(
      server.url,
      stranger.authenticate(await signInOptions(server.url), server.url),
    );
    expect(unknown.status).toBe(400);
    expect(refusalText(unknown)).toContain('does not know this passkey');

    // A cloned authenticator whose counter falls behind the one stored is refused.
    const credential = phone.credentials[0]!;
    phone.authenticate(await signInOptions(server.url), server.url); // a sign-in never sent
    credential.counter = 0;
    const stale = await signIn(
      server.url,
      phone.authenticate(await signInOptions(server.url), server.url),
    );
    expect(stale.status).toBe(400);

    const audit = await expectOk<{ events: Array<{ action: string; detail: string }> }>(
      server.url,
      'GET',
      '/api/audit',
      { as: organiser },
    );
    const actions = audit.body.events.map((event) => `${event.action}:${event.detail}`);
    expect(actions).toContain('passkey.added:');
    expect(actions).toContain('passkey.used:');
    expect(actions).toContain('passkey.refused:unknown');
    expect(actions).toContain('passkey.refused:challenge');
    await server.close();
  }, 60_000);

  it('[AT-GI1] a challenge works once, on any instance, and only for five minutes', async () => {
    const clock = new ManualClock(START);
    const backend = open();
    const first = await startTestServer({ store: backend.openStore(), now: clock.now });
    const organiser = await setUpOrganiser(first.url, (await first.setupUrl())!);
    const phone = new SoftAuthenticator();
    expect((await addPasskey(first, organiser, phone, 'Phone')).added.status).toBe(200);

    // Issued by one instance, answered on another: the store holds the challenge.
    const second = await startTestServer({ store: backend.openStore(), now: clock.now });
    const options = await signInOptions(first.url);
    const onSecond = await signIn(second.url, phone.authenticate(options, second.url));
    expect(onSecond.status).toBe(200);
    // Two answers to one challenge at once: exactly one signs in.
    const racing = await signInOptions(first.url);
    const [a, b] = await Promise.all([
      signIn(first.url, phone.authenticate(racing, first.url)),
      signIn(second.url, phone.authenticate(racing, second.url)),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 400]);

    // Answered after five minutes: refused, and the challenge is gone.
    const late = await signInOptions(first.url);
    clock.advanceBy(5 * 60_000 + 1);
    const tooLate = await signIn(first.url, phone.authenticate(late, first.url));
    expect(tooLate.status).toBe(400);
    expect(refusalText(tooLate)).toContain('expired or was already used');

    // A challenge made for signing in does not add a passkey, nor the other way round.
    const forSignIn = await signInOptions(first.url);
    const misused = await callApi(first.url, 'POST', '/api/account/passkeys', {
      as: organiser,
      body: {
        response: phone.register(
          { challenge: forSignIn.challenge, rp: { id: '127.0.0.1' }, user: { id: 'AA' } },
          first.url,
        ),
        name: 'Misused',
      },
    });
    expect(misused.status).toBe(400);
    await second.close();
    await first.close();
  }, 60_000);

  it('[AT-GI1] the last way back in cannot be removed; renaming and removing otherwise work; a link someone else issued cannot add one', async () => {
    const backend = open();
    const server = await startTestServer({ store: backend.openStore() });
    const { facilitator, members, set } = await setWithPeople(
      server.url,
      await server.setupUrl(),
      1,
    );
    const member = members[0]!;
    const laptop = new SoftAuthenticator();
    const phone = new SoftAuthenticator();
    const first = (await addPasskey(server, member, laptop, 'Laptop')).added.body.passkeys[0]!;

    const last = await callApi(server.url, 'DELETE', `/api/account/passkeys/${first.id}`, {
      as: member,
    });
    expect(last.status).toBe(409);
    expect(refusalText(last)).toContain('only way back in by yourself');

    const renamed = await expectOk<PasskeysReply>(
      server.url,
      'PATCH',
      `/api/account/passkeys/${first.id}`,
      { as: member, body: { name: '  Work laptop ' } },
    );
    expect(renamed.body.passkeys[0]?.name).toBe('Work laptop');
    const badName = await callApi(server.url, 'PATCH', `/api/account/passkeys/${first.id}`, {
      as: member,
      body: { name: '', extra: 1 },
    });
    expect(badName.status).toBe(400);

    await addPasskey(server, member, phone, 'Phone');
    const removed = await expectOk<PasskeysReply>(
      server.url,
      'DELETE',
      `/api/account/passkeys/${first.id}`,
      { as: member },
    );
    expect(removed.body.passkeys.map((passkey) => passkey.name)).toEqual(['Phone']);
    // Removing the last two at once, as from two devices: one goes, one stays.
    const tablet = new SoftAuthenticator();
    const added = (await addPasskey(server, member, tablet, 'Tablet')).added.body.passkeys;
    const racing = await Promise.all(
      added.map((passkey) =>
        callApi(server.url, 'DELETE', `/api/account/passkeys/${passkey.id}`, { as: member }),
      ),
    );
    expect(racing.map((reply) => reply.status).sort()).toEqual([200, 409]);
    const left = await expectOk<PasskeysReply>(server.url, 'GET', '/api/account/passkeys', {
      as: member,
    });
    expect(left.body.passkeys).toHaveLength(1);
    const kept = left.body.passkeys[0]!;
    const keeper = kept.name === 'Phone' ? phone : tablet;
    // The removed passkey no longer signs in.
    const gone = await signIn(
      server.url,
      laptop.authenticate(await signInOptions(server.url), server.url),
    );
    expect(gone.status).toBe(400);

    // The facilitator's link for the member opens a session that may not add a passkey.
    const link = await expectOk<{ url: string }>(
      server.url,
      'POST',
      `/api/sets/${set.id}/sign-in-links`,
      { as: facilitator, body: { personId: member.personId } },
    );
    const redeemed = await expectOk<SessionView>(server.url, 'POST', '/api/links/sign-in', {
      body: { token: tokenOf(link.body.url) },
    });
    const impostor: TestPerson = {
      personId: member.personId,
      name: member.name,
      cookie: redeemed.setCookie!.split(';')[0]!,
    };
    for (const [method, path] of [
      ['POST', '/api/account/passkeys/options'],
      ['GET', '/api/account/passkeys'],
      ['DELETE', `/api/account/passkeys/${kept.id}`],
    ] as const) {
      const refused = await callApi(server.url, method, path, { as: impostor });
      expect(refused.status, `${method} ${path}`).toBe(403);
      expect(refusalText(refused)).toContain('strong_sign_in_needed');
    }
    // The member's own passkey, used in that browser, replaces it with a strong session.
    const proven = await callApi<SessionView>(server.url, 'POST', '/api/sign-in/passkey', {
      as: impostor,
      body: { response: keeper.authenticate(await signInOptions(server.url), server.url) },
    });
    expect(proven.status).toBe(200);
    expect(proven.body.account?.strongSignIn).toBe(true);
    const old = await expectOk<SessionView>(server.url, 'GET', '/api/session', { as: impostor });
    expect(old.body.person).toBeNull();
    await server.close();
  }, 60_000);
});

describe.each(backends)('[AT-GI1] passkey challenges in the $name store', ({ open }) => {
  it('[AT-GI1] a challenge is taken once, only for what it was issued for, and not after it expires', async () => {
    const clock = new ManualClock(START);
    const store = open().openStore();
    const challenges = new PasskeyChallenges({ store, now: clock.now });

    const once = await challenges.issue('sign_in', null);
    const takes = await Promise.all([
      challenges.take(once, 'sign_in', null),
      challenges.take(once, 'sign_in', null),
      challenges.take(once, 'sign_in', null),
    ]);
    expect(takes.filter(Boolean)).toHaveLength(1);
    expect(await challenges.take(once, 'sign_in', null)).toBe(false);

    const forAdding = await challenges.issue('add', 'person-a');
    expect(await challenges.take(forAdding, 'add', 'person-b')).toBe(false);
    // Tried with the wrong person, it is spent all the same.
    expect(await challenges.take(forAdding, 'add', 'person-a')).toBe(false);

    const late = await challenges.issue('sign_in', null);
    clock.advanceBy(5 * 60_000);
    expect(await challenges.take(late, 'sign_in', null)).toBe(false);
    expect(await challenges.take('not a challenge', 'sign_in', null)).toBe(false);

    // Unanswered challenges are dropped when the next one is made.
    await challenges.issue('sign_in', null);
    await challenges.issue('add', 'person-a');
    clock.advanceBy(5 * 60_000);
    await challenges.issue('sign_in', null);
    expect(await store.list('passkey-challenges')).toHaveLength(1);
  });
});

describe('[AT-GI6] bad input on the passkey routes', () => {
  it('[AT-GI6][AT-GI1] wrong types, unknown fields, oversize values and unknown passkeys are refused with the field named, and nothing changes', async () => {
    const server = await startTestServer();
    const organiser = await setUpOrganiser(server.url, (await server.setupUrl())!);
    const phone = new SoftAuthenticator();
    const { response: registration } = await addPasskey(server, organiser, phone, 'Phone');
    const before = await expectOk<PasskeysReply>(server.url, 'GET', '/api/account/passkeys', {
      as: organiser,
    });
    const assertion = phone.authenticate(await signInOptions(server.url), server.url);
    const cases: Array<[string, string, string, unknown]> = [
      ['POST', '/api/account/passkeys', 'response', {}],
      ['POST', '/api/account/passkeys', 'response', { response: 'yes', name: 'Laptop' }],
      ['POST', '/api/account/passkeys', 'name', { response: registration, name: '' }],
      ['POST', '/api/account/passkeys', 'name', { response: registration, name: 'x'.repeat(61) }],
      [
        'POST',
        '/api/account/passkeys',
        '(payload)',
        { response: registration, name: 'A', extra: true },
      ],
      [
        'POST',
        '/api/account/passkeys',
        'response.rawId',
        { response: { ...registration, rawId: 'a'.repeat(20_000) }, name: 'Laptop' },
      ],
      [
        'POST',
        '/api/account/passkeys',
        'response.response.clientDataJSON',
        {
          response: { ...registration, response: { ...registration.response, clientDataJSON: 7 } },
          name: 'Laptop',
        },
      ],
      ['POST', '/api/sign-in/passkey', 'response', {}],
      ['POST', '/api/sign-in/passkey', 'response.type', { response: { ...assertion, type: 'x' } }],
      ['POST', '/api/sign-in/passkey', '(payload)', { response: assertion, also: 1 }],
      ['PATCH', '/api/account/passkeys/not-an-id', 'passkeyId', { name: 'Laptop' }],
      ['PATCH', `/api/account/passkeys/${before.body.passkeys[0]!.id}`, 'name', { name: 7 }],
    ];
    for (const [method, path, field, body] of cases) {
      const reply = await callApi<{ error: { code: string; issues?: { path: string }[] } }>(
        server.url,
        method,
        path,
        { as: organiser, body },
      );
      const label = `${method} ${path} ${JSON.stringify(body).slice(0, 80)}`;
      expect(reply.status, label).toBe(400);
      expect(reply.body.error.code, label).toBe('validation');
      expect(reply.body.error.issues?.map((issue) => issue.path) ?? [], label).toContain(field);
    }
    // A passkey id that is well formed but not theirs, or not there at all.
    const unknown = await callApi(server.url, 'DELETE', `/api/account/passkeys/${'A'.repeat(22)}`, {
      as: organiser,
    });
    expect(unknown.status).toBe(404);
    // A body over the JSON limit.
    const huge = await callApi(server.url, 'POST', '/api/sign-in/passkey', {
      body: { response: { ...assertion, id: 'a'.repeat(70_000) } },
    });
    expect(huge.status).toBe(413);

    const after = await expectOk<PasskeysReply>(server.url, 'GET', '/api/account/passkeys', {
      as: organiser,
    });
    expect(after.body.passkeys).toEqual(before.body.passkeys);
    // The assertion made before all this still signs in: nothing above spent its challenge.
    expect((await signIn(server.url, assertion)).status).toBe(200);
    await server.close();
  });
});

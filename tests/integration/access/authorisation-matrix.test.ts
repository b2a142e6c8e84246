/**
 * [AT-B1] The authorisation matrix, generated from the route registry and the command policies:
 * every API route, every Socket.IO command and the /yjs documents, each tried as anonymous,
 * organiser, facilitator, member, removed member and a member of another set.
 *
 * Requests carry deliberately invalid input (ids that are not ids, empty bodies): authorisation
 * runs before validation, so an allowed actor gets 200 or 400 and nothing changes, while a
 * refused one gets 401, 403 or 404 with a refusal code.
 *
 * Set-scoped commands find their set in the payload, so theirs names the real set (`setId`, and
 * a `meetingId` of that set) and is invalid otherwise (an unknown key): members get
 * `validation`, everyone else `forbidden`. A payload naming no set at all cannot be authorised
 * and is `validation` for anyone signed in (checked separately below).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AccessPolicy,
  CommandSchemas,
  ErrorCode,
  isSetPolicy,
  meetingIdOf,
  YjsCloseCode,
  type AckResult,
  type CommandName,
} from '@setboard/shared';
import type { RouteDefinition } from '../../../server/src/http/route.js';
import { CommandPolicies } from '../../../server/src/realtime/command-policies.js';
import {
  acceptInvitation,
  callApi,
  createSet,
  expectOk,
  invite,
  setWithPeople,
  type TestPerson,
} from '../../support/actors.js';
import { connectSocket, waitForConnect } from '../../support/socket-client.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { webSocketAs, yjsUrl } from '../../support/yjs-client.js';

type ActorName = 'anonymous' | 'organiser' | 'facilitator' | 'member' | 'removed' | 'outsider';
const ACTORS: ActorName[] = [
  'anonymous',
  'organiser',
  'facilitator',
  'member',
  'removed',
  'outsider',
];

/** Who each policy lets in, written out independently of the server's `policyAllows`. */
const ALLOWED: Record<AccessPolicy, ActorName[]> = {
  public: ACTORS,
  signed_in: ['organiser', 'facilitator', 'member', 'removed', 'outsider'],
  organiser: ['organiser'],
  set_member: ['facilitator', 'member'],
  set_member_not_facilitator: ['member'],
  set_facilitator: ['facilitator'],
  set_facilitator_or_organiser: ['organiser', 'facilitator'],
  set_member_or_organiser: ['organiser', 'facilitator', 'member'],
};

const REFUSAL_CODES: string[] = [
  ErrorCode.unauthenticated,
  ErrorCode.forbidden,
  ErrorCode.notFound,
];

let server: TestServer;
let people: Record<Exclude<ActorName, 'anonymous'>, TestPerson>;
let setId: string;

beforeAll(async () => {
  server = await startTestServer({ rateLimits: { links: { points: 1000, durationSeconds: 60 } } });
  const { organiser, facilitator, members, set } = await setWithPeople(
    server.url,
    await server.setupUrl(),
    2,
  );
  setId = set.id;
  const [member, removed] = members as [TestPerson, TestPerson];
  await expectOk(server.url, 'DELETE', `/api/sets/${setId}/members/${removed.personId}`, {
    as: organiser,
  });
  const otherSet = await createSet(server.url, organiser);
  const outsider = await acceptInvitation(
    server.url,
    await invite(server.url, organiser, otherSet.id),
    'Olive Outsider',
  );
  people = { organiser, facilitator, member, removed, outsider };
  return () => server.close();
});

/** Invalid input that still names the set, for set-scoped commands (see the header). */
function invalidPayloadFor(name: CommandName): Record<string, unknown> {
  if (!isSetPolicy(CommandPolicies[name])) return { not: 'valid' };
  // Each way a set-scoped command may name its set: a set, a meeting, or a slot of a meeting.
  const meetingId = meetingIdOf(setId, 0);
  return { setId, meetingId, slotId: `${meetingId}-s1`, not: 'valid' };
}

function pathFor(route: RouteDefinition): string {
  return route.path.replace(/:(\w+)/g, (_, name: string) =>
    name === 'setId' ? setId : 'not-an-id',
  );
}

/** Sign-out ends the session it is sent with, so it goes last. */
function routesInSafeOrder(routes: readonly RouteDefinition[]): RouteDefinition[] {
  return [...routes].sort(
    (a, b) => Number(a.path === '/api/sign-out') - Number(b.path === '/api/sign-out'),
  );
}

describe('[AT-B1] authorisation matrix', () => {
  it('[AT-B1] every API route and every command declares a known access policy', () => {
    const policies = Object.values(AccessPolicy) as string[];
    for (const route of server.app.routes) expect(policies).toContain(route.policy);
    for (const name of Object.keys(CommandSchemas) as CommandName[]) {
      expect(policies, `command ${name}`).toContain(CommandPolicies[name]);
    }
  });

  it('[AT-B1][C0] every Socket.IO command × every kind of person is allowed or refused as its policy says', async () => {
    for (const actor of ACTORS) {
      const socket = connectSocket(server.url, {
        as: actor === 'anonymous' ? null : people[actor],
      });
      const connected = await waitForConnect(socket).then(
        () => true,
        (error: { data?: { code?: string } }) => {
          expect(error.data?.code).toBe(ErrorCode.unauthenticated);
          return false;
        },
      );
      for (const name of Object.keys(CommandSchemas) as CommandName[]) {
        const allowed = ALLOWED[CommandPolicies[name]].includes(actor);
        if (!connected) {
          expect(allowed, `${actor} could not connect, yet ${name} allows them`).toBe(false);
          continue;
        }
        const reply = (await socket.emitWithAck(
          name,
          invalidPayloadFor(name),
        )) as AckResult<unknown>;
        expect(reply.ok).toBe(false);
        if (reply.ok) continue;
        expect(reply.error.code, `${actor} ${name}`).toBe(
          allowed ? ErrorCode.validation : ErrorCode.forbidden,
        );
      }
      socket.disconnect();
    }
  });

  it('[AT-B1][C5] a set-scoped command whose payload names no set is a validation error, for anyone', async () => {
    for (const actor of ['member', 'outsider'] as const) {
      const socket = connectSocket(server.url, { as: people[actor] });
      await waitForConnect(socket);
      for (const name of Object.keys(CommandSchemas) as CommandName[]) {
        if (!isSetPolicy(CommandPolicies[name])) continue;
        const reply = (await socket.emitWithAck(name, { not: 'valid' })) as AckResult<unknown>;
        expect(reply, `${actor} ${name}`).toMatchObject({
          ok: false,
          error: { code: ErrorCode.validation },
        });
      }
      socket.disconnect();
    }
  });

  it('[AT-B1][Y0] /yjs documents × every kind of person: only who the rule names may open them', async () => {
    const member = people.member;
    const cases: Array<{ doc: string; allowed: ActorName[] }> = [
      { doc: `set:${setId}`, allowed: ['facilitator', 'member'] },
      { doc: `meeting:${meetingIdOf(setId, 0)}`, allowed: ['facilitator', 'member'] },
      { doc: `slot:${meetingIdOf(setId, 0)}-s1`, allowed: ['facilitator', 'member'] },
      { doc: `log:${member.personId}`, allowed: ['member'] },
    ];
    for (const { doc, allowed } of cases) {
      for (const actor of ACTORS) {
        const Socket = webSocketAs(server.url, actor === 'anonymous' ? null : people[actor]);
        const socket = new Socket(`${yjsUrl(server.url)}/${doc}`);
        const outcome = await new Promise<string>((resolve) => {
          socket.once('message', () => resolve('open'));
          socket.once('close', (code) => resolve(`closed ${code}`));
        });
        socket.close();
        const expected = allowed.includes(actor)
          ? 'open'
          : `closed ${actor === 'anonymous' ? YjsCloseCode.unauthenticated : YjsCloseCode.forbidden}`;
        expect(outcome, `${actor} opening ${doc}`).toBe(expected);
      }
    }
  });
  // Last: allowed sign-outs end the sessions the other checks use.
  it('[AT-B1][AT-RX5] every API route × every kind of person is allowed or refused as its policy says', async () => {
    const outcomes: string[] = [];
    for (const actor of ACTORS) {
      for (const route of routesInSafeOrder(server.app.routes)) {
        const reply = await callApi<{ error?: { code: string } }>(
          server.url,
          route.method.toUpperCase(),
          pathFor(route),
          {
            as: actor === 'anonymous' ? null : people[actor],
            ...(route.method === 'get' ? {} : { body: {} }),
          },
        );
        const allowed = ALLOWED[route.policy].includes(actor);
        const refused =
          [401, 403, 404].includes(reply.status) &&
          REFUSAL_CODES.includes(reply.body?.error?.code ?? '');
        const ok = allowed ? [200, 400].includes(reply.status) : refused;
        if (!ok) {
          outcomes.push(
            `${actor} ${route.method.toUpperCase()} ${route.path} (${route.policy}): ${reply.status} ${JSON.stringify(reply.body)}`,
          );
        }
      }
    }
    expect(outcomes).toEqual([]);
  });
});

/**
 * [AT-B4] Requests and handshakes from another site are refused even with a valid session cookie:
 * Socket.IO (both transports), /yjs, and every state-changing HTTP request.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ErrorCode } from '@setboard/shared';
import { callApi, setWithPeople, type TestSet } from '../../support/actors.js';
import { connectSocket, waitForConnect } from '../../support/socket-client.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { yjsUrl } from '../../support/yjs-client.js';

const EVIL = 'https://evil.example';

let server: TestServer;
let people: TestSet;

beforeAll(async () => {
  server = await startTestServer();
  people = await setWithPeople(server.url, await server.setupUrl(), 1);
  return () => server.close();
});

describe('[AT-B4] cross-origin requests with a valid cookie', () => {
  for (const transport of ['websocket', 'polling'] as const) {
    it(`[AT-B4][H2][H3] a Socket.IO handshake from another site is refused (${transport})`, async () => {
      const foreign = connectSocket(server.url, {
        as: people.members[0]!,
        transports: [transport],
        origin: EVIL,
      });
      await expect(waitForConnect(foreign)).rejects.toBeDefined();
      expect(foreign.connected).toBe(false);
      // The same person from our own site gets in: the cookie was never the problem.
      const own = connectSocket(server.url, { as: people.members[0]!, transports: [transport] });
      await waitForConnect(own);
    });
  }

  it('[AT-B4][Y0] a /yjs upgrade from another site is refused with 403 before any document byte', async () => {
    const socket = new WebSocket(`${yjsUrl(server.url)}/set:${people.set.id}`, {
      headers: { origin: EVIL, cookie: people.members[0]!.cookie },
    });
    const outcome = await new Promise<string>((resolve) => {
      socket.once('unexpected-response', (_request, response) =>
        resolve(`status ${response.statusCode}`),
      );
      socket.once('message', () => resolve('got a document byte'));
      socket.once('open', () => resolve('open'));
      socket.once('error', (error) => resolve(`error ${error.message}`));
    });
    expect(outcome).toBe('status 403');
  });

  it('[AT-B4] state-changing HTTP requests from another site, or with no Origin, are refused', async () => {
    const { organiser, set } = people;
    const attempts = [
      { method: 'POST', path: '/api/sets', body: { name: 'x' } },
      { method: 'PATCH', path: `/api/sets/${set.id}`, body: { name: 'Renamed' } },
      { method: 'DELETE', path: `/api/sets/${set.id}/members/${people.members[0]!.personId}` },
      { method: 'POST', path: '/api/sign-out' },
    ];
    for (const attempt of attempts) {
      for (const origin of [EVIL, 'null', 'http://127.0.0.1:1']) {
        const reply = await callApi<{ error: { code: string } }>(
          server.url,
          attempt.method,
          attempt.path,
          {
            as: organiser,
            origin,
            ...(attempt.body ? { body: attempt.body } : {}),
          },
        );
        expect(reply.status, `${attempt.method} ${attempt.path} from ${origin}`).toBe(403);
        expect(reply.body.error.code).toBe(ErrorCode.badOrigin);
      }
      const bare = await fetch(`${server.url}${attempt.path}`, {
        method: attempt.method,
        headers: { cookie: organiser.cookie, 'content-type': 'application/json' },
        body: JSON.stringify(attempt.body ?? {}),
      });
      expect(bare.status, `${attempt.method} ${attempt.path} with no Origin`).toBe(403);
    }
    // Nothing changed: the set keeps its name and its member, and the organiser is signed in.
    const after = await callApi<{ name: string; members: unknown[] }>(
      server.url,
      'GET',
      `/api/sets/${set.id}`,
      {
        as: organiser,
      },
    );
    expect(after.status).toBe(200);
    expect(after.body.name).toBe(set.name);
    expect(after.body.members).toHaveLength(set.members.length + 2);
  });
});

describe('API description', () => {
  it('/api/openapi.json describes every route with its schemas', async () => {
    const reply = await callApi<{
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    }>(server.url, 'GET', '/api/openapi.json');
    expect(reply.status).toBe(200);
    expect(reply.body.openapi).toBe('3.1.0');
    for (const route of server.app.routes) {
      const path = route.path.replace(/:(\w+)/g, '{$1}');
      expect(reply.body.paths[path]?.[route.method], `${route.method} ${path}`).toBeDefined();
    }
    expect(JSON.stringify(reply.body.paths['/api/sets']?.post)).toContain('timeAllocation');
  });
});

/**
 * [AT-RS7] The origin check compares scheme, host and port exactly, with and without PUBLIC_URL,
 * on state-changing HTTP, both Socket.IO transports and /yjs. Each variant a hostile page could
 * send — another scheme or port, user info, upper case, a trailing slash, `null` — is refused on
 * every entry point, while our own origin is let in (so the refusals are about the origin).
 */
import http from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SOCKET_IO_PATH, YJS_PATH } from '@setboard/shared';
import { aSet, setWithPeople, type TestPerson, type TestSet } from '../../support/actors.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';

type Outcome = 'allowed' | 'refused';
type Headers = Record<string, string>;

/** POST /api/sets (state-changing) as `person` with `headers`. */
function httpProbe(server: TestServer, person: TestPerson, headers: Headers): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${server.url}/api/sets`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: person.cookie, ...headers },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode === 200 ? 'allowed' : 'refused'));
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify(aSet()));
  });
}

/** The first request of a Socket.IO polling handshake. */
function pollingProbe(server: TestServer, person: TestPerson, headers: Headers): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    http
      .get(
        `${server.url}${SOCKET_IO_PATH}/?EIO=4&transport=polling`,
        { headers: { cookie: person.cookie, ...headers } },
        (response) => {
          response.resume();
          resolve(response.statusCode === 200 ? 'allowed' : 'refused');
        },
      )
      .on('error', reject);
  });
}

/** A WebSocket upgrade to `path`; open means allowed. */
function upgradeProbe(url: string, person: TestPerson, headers: Headers): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers: { cookie: person.cookie, ...headers } });
    socket.once('open', () => {
      socket.terminate();
      resolve('allowed');
    });
    socket.once('unexpected-response', (_request, response) => {
      response.resume();
      resolve('refused');
    });
    socket.once('error', () => resolve('refused'));
  });
}

const ENTRY_POINTS = ['http', 'socket.io polling', 'socket.io websocket', 'yjs'] as const;

function probe(
  entry: (typeof ENTRY_POINTS)[number],
  server: TestServer,
  people: TestSet,
  headers: Headers,
): Promise<Outcome> {
  const person = people.members[0]!;
  const ws = server.url.replace(/^http/, 'ws');
  switch (entry) {
    case 'http':
      return httpProbe(server, people.organiser, headers);
    case 'socket.io polling':
      return pollingProbe(server, person, headers);
    case 'socket.io websocket':
      return upgradeProbe(`${ws}${SOCKET_IO_PATH}/?EIO=4&transport=websocket`, person, headers);
    case 'yjs':
      return upgradeProbe(`${ws}${YJS_PATH}/set:${people.set.id}`, person, headers);
  }
}

/** Origins a hostile page (or a crafted client) could send instead of `own`. */
function variantsOf(own: string): Record<string, string> {
  const url = new URL(own);
  const otherScheme = url.protocol === 'http:' ? 'https:' : 'http:';
  const port = url.port || (url.protocol === 'http:' ? '80' : '443');
  if (!url.port) throw new Error('these variants expect an origin with a port');
  return {
    scheme: `${otherScheme}//${url.host}`,
    port: `${url.protocol}//${url.hostname}:${Number(port) + 1}`,
    userinfo: `${url.protocol}//user:pass@${url.host}`,
    case: own.toUpperCase(),
    'trailing slash': `${own}/`,
    path: `${own}/api`,
    null: 'null',
    'another site': 'https://evil.example',
  };
}

async function freePort(): Promise<number> {
  const probeServer = createNetServer();
  await new Promise<void>((resolve) => probeServer.listen(0, '127.0.0.1', resolve));
  const { port } = probeServer.address() as AddressInfo;
  await new Promise<void>((resolve) => probeServer.close(() => resolve()));
  return port;
}

const setups = {
  'without PUBLIC_URL': async () => startTestServer(),
  'with PUBLIC_URL': async () => {
    const port = await freePort();
    return startTestServer({ port, publicUrl: `http://127.0.0.1:${port}` });
  },
};

for (const [label, start] of Object.entries(setups)) {
  describe(`[AT-RS7] origins ${label}`, () => {
    let server: TestServer;
    let people: TestSet;
    let own: string;

    beforeAll(async () => {
      server = await start();
      people = await setWithPeople(server.url, await server.setupUrl(), 1);
      own = server.url;
      return () => server.close();
    });

    for (const entry of ENTRY_POINTS) {
      it(`[AT-RS7] ${entry}: our own origin is let in, every variant is refused`, async () => {
        expect(await probe(entry, server, people, { origin: own })).toBe('allowed');
        // A request whose Host names another site matches that site's origin without
        // PUBLIC_URL (it is the address the browser used); with PUBLIC_URL only that counts.
        const spoofed = { host: 'evil.example', origin: 'http://evil.example' };
        expect(await probe(entry, server, people, spoofed)).toBe(
          label === 'with PUBLIC_URL' ? 'refused' : 'allowed',
        );
        const outcomes: Record<string, Outcome> = {};
        for (const [variant, origin] of Object.entries(variantsOf(own))) {
          if (origin === own) throw new Error(`variant ${variant} is our own origin`);
          outcomes[variant] = await probe(entry, server, people, { origin });
        }
        outcomes['no Origin'] = await probe(entry, server, people, {});
        expect(outcomes).toEqual(
          Object.fromEntries(Object.keys(outcomes).map((variant) => [variant, 'refused'])),
        );
      });
    }
  });
}

describe('[AT-RS7][AT-RS5] the scheme a proxy reports', () => {
  it('[AT-RS7][AT-RS5] X-Forwarded-Proto and -Host are believed only from a trusted proxy', async () => {
    const plain = await startTestServer();
    const plainPeople = await setWithPeople(plain.url, await plain.setupUrl(), 1);
    const trusting = await startTestServer({ proxyTrust: ['loopback'] });
    const trustingPeople = await setWithPeople(trusting.url, await trusting.setupUrl(), 1);
    const forwarded = {
      origin: 'https://setboard.example.nhs.uk',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'setboard.example.nhs.uk',
    };
    for (const entry of ENTRY_POINTS) {
      expect(await probe(entry, plain, plainPeople, forwarded), entry).toBe('refused');
      expect(await probe(entry, trusting, trustingPeople, forwarded), entry).toBe('allowed');
      // Even from a trusted proxy, a scheme that differs from the one reported is refused.
      const downgraded = { ...forwarded, origin: 'http://setboard.example.nhs.uk' };
      expect(await probe(entry, trusting, trustingPeople, downgraded), entry).toBe('refused');
    }
  });
});

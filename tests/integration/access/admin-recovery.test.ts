/**
 * The operator's way back in (docs/security.md, "Recovery"): `npm run admin -- sign-in-link`
 * and `list-organisers`, run as a separate process on the same store as the running server
 * (SQLite file, or Redis), print a one-time link that signs that person in. The story it ends:
 * the only organiser signed out with no passkey and no e-mail address, and is back in.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SessionView } from '@setboard/shared';
import {
  callApi,
  expectOk,
  setUpOrganiser,
  tokenOf,
  type TestPerson,
} from '../../support/actors.js';
import { redisBackend, sqliteBackend, type BackendUnderTest } from '../../support/backends.js';
import { redisForSuite } from '../../support/services.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const redis = await redisForSuite('The operator’s sign-in link on Redis');

/** Runs `npm run admin -- <args>` with the backend's environment; resolves with its output. */
function admin(
  backend: BackendUnderTest,
  ...args: string[]
): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'admin', '--', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...backend.processEnv, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code: code ?? 1, out }));
  });
}

const linkIn = (output: string) => /https?:\/\/\S+\/sign-in#[\w-]{43}/.exec(output)?.[0];

async function lockedOutOrganiserComesBack(server: TestServer, backend: BackendUnderTest) {
  const organiser = await setUpOrganiser(server.url, (await server.setupUrl())!, 'Olu Organiser');
  const before = await expectOk<SessionView>(server.url, 'GET', '/api/session', { as: organiser });
  // No passkey, no e-mail address: signing out leaves no way back but the operator.
  expect(before.body.account).toMatchObject({ email: '', passkeys: 0 });
  await expectOk(server.url, 'POST', '/api/sign-out', { as: organiser });
  expect((await callApi(server.url, 'GET', '/api/organiser-links', { as: organiser })).status).toBe(
    401,
  );

  const listed = await admin(backend, 'list-organisers');
  expect(listed.code).toBe(0);
  expect(listed.out).toContain('Olu Organiser');
  expect(listed.out).toContain(organiser.personId);

  const unknown = await admin(backend, 'sign-in-link', 'Nobody Here');
  expect(unknown.code).toBe(1);
  expect(linkIn(unknown.out)).toBeUndefined();

  const issued = await admin(backend, 'sign-in-link', 'olu  organiser');
  expect(issued.code, issued.out).toBe(0);
  const link = linkIn(issued.out)!;
  expect(link).toBeDefined();

  const signedIn = await callApi<SessionView>(server.url, 'POST', '/api/links/sign-in', {
    body: { token: tokenOf(link) },
  });
  expect(signedIn.status).toBe(200);
  expect(signedIn.body.person).toMatchObject({ id: organiser.personId, isOrganiser: true });
  const back: TestPerson = { ...organiser, cookie: signedIn.setCookie!.split(';')[0]! };
  expect((await callApi(server.url, 'GET', '/api/organiser-links', { as: back })).status).toBe(200);
  // The organiser is told who issued the link that signed them in.
  const view = await expectOk<SessionView>(server.url, 'GET', '/api/session', { as: back });
  expect(view.body.account?.signInNotices[0]?.issuedByName).toBe('whoever runs Setboard');

  const again = await callApi(server.url, 'POST', '/api/links/sign-in', {
    body: { token: tokenOf(link) },
  });
  expect([again.status, (again.body as { error?: { code?: string } }).error?.code]).toEqual([
    410,
    'link_used',
  ]);
}

describe('npm run admin', () => {
  it('[AT-GI3] on SQLite: the only organiser, locked out, is back in with the operator’s one-time link', async () => {
    const backend = sqliteBackend();
    const server = await startTestServer({ store: backend.openStore() });
    await lockedOutOrganiserComesBack(server, backend);
  });

  it.skipIf(!redis.available)(
    '[AT-GI3] on Redis: the same story, the command and the server sharing one Redis',
    async () => {
      const backend = redisBackend('admin');
      const server = await backend.startInstance();
      await lockedOutOrganiserComesBack(server, backend);
    },
  );
});

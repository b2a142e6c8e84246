import { describe, expect, it } from 'vitest';
import { ErrorCode, type SessionView } from '@setboard/shared';
import { callApi, profile, tokenOf } from '../../support/actors.js';
import { startTestServer } from '../../support/test-server.js';

const PUBLIC_URL = 'https://setboard.example.nhs.uk';

describe('Behind https (PUBLIC_URL)', () => {
  it('marks the session cookie Secure, sends HSTS, and accepts only the public origin', async () => {
    const server = await startTestServer({ publicUrl: PUBLIC_URL });
    const setupUrl = (await server.setupUrl())!;
    expect(setupUrl.startsWith(`${PUBLIC_URL}/setup#`)).toBe(true);

    const fromLocal = await callApi(server.url, 'POST', '/api/setup', {
      body: { token: tokenOf(setupUrl), profile: profile('Olu') },
    });
    expect(fromLocal.status).toBe(403);
    expect((fromLocal.body as { error: { code: string } }).error.code).toBe(ErrorCode.badOrigin);

    const reply = await callApi<SessionView>(server.url, 'POST', '/api/setup', {
      origin: PUBLIC_URL,
      body: { token: tokenOf(setupUrl), profile: profile('Olu') },
    });
    expect(reply.status).toBe(200);
    const cookie = reply.setCookie ?? '';
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);

    const page = await fetch(`${server.url}/healthz`);
    expect(page.headers.get('strict-transport-security')).toContain('max-age=');
  });
});

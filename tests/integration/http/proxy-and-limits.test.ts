/**
 * [AT-RS5] `X-Forwarded-For` counts only when TRUST_PROXY names the proxy; token-bearing routes
 * are limited per client address and per token, so a flooded address does not stop a genuine
 * invitee elsewhere, and many addresses cannot hammer one token.
 */
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@setboard/shared';
import { parseConfig } from '@setboard/server';
import { createSet, invite, profile, setUpOrganiser, tokenOf } from '../../support/actors.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';

interface Attempt {
  status: number;
  code: string | undefined;
  retryAfter: string | undefined;
}

/** POSTs JSON to `path` from the local address `from` (any 127.x.y.z reaches the server). */
function post(
  server: TestServer,
  path: string,
  body: unknown,
  options: { from?: string; forwardedFor?: string } = {},
): Promise<Attempt> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${server.url}${path}`,
      {
        method: 'POST',
        localAddress: options.from ?? '127.0.0.1',
        headers: {
          origin: server.url,
          'content-type': 'application/json',
          ...(options.forwardedFor ? { 'x-forwarded-for': options.forwardedFor } : {}),
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            code: (JSON.parse(text) as { error?: { code: string } }).error?.code,
            retryAfter: response.headers['retry-after'],
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}

const randomToken = () => randomBytes(32).toString('base64url');
const inspect = (token: string) => ({ token });

/** Inspects random tokens until refused as rate-limited; returns how many were answered first. */
async function flood(
  server: TestServer,
  options: { from?: string; forwardedFor?: () => string },
): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const reply = await post(server, '/api/links/inspect', inspect(randomToken()), {
      ...(options.from ? { from: options.from } : {}),
      ...(options.forwardedFor ? { forwardedFor: options.forwardedFor() } : {}),
    });
    if (reply.status === 429) {
      expect(reply.code).toBe(ErrorCode.rateLimited);
      expect(Number(reply.retryAfter)).toBeGreaterThan(0);
      return attempt;
    }
    expect(reply.code).toBe(ErrorCode.linkUnknown);
  }
  throw new Error('never rate-limited');
}

async function genuineInvitation(server: TestServer): Promise<string> {
  const organiser = await setUpOrganiser(server.url, (await server.setupUrl())!);
  const set = await createSet(server.url, organiser);
  return tokenOf(await invite(server.url, organiser, set.id));
}

const LIMITS = { links: { points: 5, durationSeconds: 600 } };
const TOKEN_LIMITS = { links: { points: 10, durationSeconds: 600 } };

describe('[AT-RS5] trusting the proxy only when told', () => {
  it('[AT-RS5] without TRUST_PROXY, rotating X-Forwarded-For does not escape the address limit', async () => {
    const server = await startTestServer({ rateLimits: LIMITS, tokenRateLimits: TOKEN_LIMITS });
    let next = 0;
    const answered = await flood(server, {
      from: '127.0.0.4',
      forwardedFor: () => `198.51.100.${next++}`,
    });
    expect(answered).toBe(LIMITS.links.points);
  });

  it('[AT-RS5] a flooded address does not stop a genuine redemption from another address', async () => {
    const server = await startTestServer({ rateLimits: LIMITS, tokenRateLimits: TOKEN_LIMITS });
    const token = await genuineInvitation(server);
    expect(await flood(server, { from: '127.0.0.2' })).toBe(LIMITS.links.points);
    // The flooded address stays refused, even with a genuine token …
    const fromFlooded = await post(server, '/api/links/inspect', inspect(token), {
      from: '127.0.0.2',
    });
    expect(fromFlooded.status).toBe(429);
    // … but the invitee, elsewhere, inspects and accepts their invitation.
    expect(
      (await post(server, '/api/links/inspect', inspect(token), { from: '127.0.0.3' })).status,
    ).toBe(200);
    const redeemed = await post(
      server,
      '/api/links/redeem',
      { token, decision: 'accept', profile: profile('Gina Genuine') },
      { from: '127.0.0.3' },
    );
    expect(redeemed.status).toBe(200);
  });

  it('[AT-RS5] with TRUST_PROXY, the forwarded address is the one limited', async () => {
    const server = await startTestServer({
      proxyTrust: ['loopback'],
      rateLimits: LIMITS,
      tokenRateLimits: TOKEN_LIMITS,
    });
    const token = await genuineInvitation(server);
    expect(await flood(server, { forwardedFor: () => '203.0.113.7' })).toBe(LIMITS.links.points);
    // Same proxy, another client behind it: not refused.
    const other = await post(server, '/api/links/inspect', inspect(token), {
      forwardedFor: '203.0.113.8',
    });
    expect(other.status).toBe(200);
  });

  it('[AT-RS5] one token tried from many addresses is limited per token', async () => {
    const server = await startTestServer({
      proxyTrust: ['loopback'],
      rateLimits: LIMITS,
      tokenRateLimits: TOKEN_LIMITS,
    });
    const token = randomToken();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < TOKEN_LIMITS.links.points + 2; attempt++) {
      const reply = await post(server, '/api/links/inspect', inspect(token), {
        forwardedFor: `192.0.2.${attempt}`,
      });
      statuses.push(reply.status);
    }
    expect(statuses.slice(0, TOKEN_LIMITS.links.points).every((status) => status === 404)).toBe(
      true,
    );
    expect(statuses.slice(TOKEN_LIMITS.links.points)).toEqual([429, 429]);
  });
});

describe('[AT-RS5] the TRUST_PROXY setting', () => {
  it('[AT-RS5] is off by default, and a value it cannot read stops start-up', () => {
    expect(parseConfig({}).TRUST_PROXY).toBe(false);
    expect(parseConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(parseConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(parseConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toEqual([
      'loopback',
      '10.0.0.0/8',
    ]);
    expect(() => parseConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir, startTestServer } from '../../support/test-server.js';

function fakeClientBuild(): string {
  const temp = makeTempDir('client');
  mkdirSync(path.join(temp.dir, 'assets'));
  writeFileSync(
    path.join(temp.dir, 'index.html'),
    '<!doctype html><html lang="en-GB"><title>Setboard</title><script type="module" src="/assets/app.js"></script></html>',
  );
  writeFileSync(path.join(temp.dir, 'assets', 'app.js'), 'console.log("hi")');
  return temp.dir;
}

describe('HTTP basics', () => {
  it('/healthz answers while the process is up; /readyz names the store', async () => {
    const server = await startTestServer();
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', store: 'sqlite' });
  });

  it('/readyz answers 503 when the store is gone', async () => {
    const server = await startTestServer();
    await server.store.close();
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(503);
  });

  it('pages carry a strict Content Security Policy and other security headers', async () => {
    const server = await startTestServer({ clientDistDir: fakeClientBuild() });
    const page = await fetch(`${server.url}/sets/some-deep-link`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Setboard</title>');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('x-powered-by')).toBeNull();
    expect(page.headers.get('cache-control')).toBe('no-cache');

    const asset = await fetch(`${server.url}/assets/app.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('unknown API routes answer JSON 404; oversized and unreadable bodies get clear errors', async () => {
    const server = await startTestServer();
    const missing = await fetch(`${server.url}/api/nothing-here`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });

    const huge = await fetch(`${server.url}/api/nothing-here`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ text: 'x'.repeat(100_000) }),
    });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { code: 'validation' } });

    const garbled = await fetch(`${server.url}/api/nothing-here`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: '{"not json',
    });
    expect(garbled.status).toBe(400);
    expect(await garbled.json()).toMatchObject({ error: { code: 'validation' } });
  });

  it('an upgrade request to an unknown path is refused, not left hanging', async () => {
    const server = await startTestServer();
    const { default: WebSocket } = await import('ws');
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/elsewhere`);
    const outcome = await new Promise<string>((resolve) => {
      socket.once('unexpected-response', (_req, res) => resolve(`status ${res.statusCode}`));
      socket.once('error', (error) => resolve(`error ${error.message}`));
      socket.once('open', () => resolve('open'));
    });
    expect(outcome).toMatch(/404/);
  });
});

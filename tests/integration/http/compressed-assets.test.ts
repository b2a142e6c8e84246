import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { API_COMPRESSION_THRESHOLD_BYTES } from '../../../server/src/http/create-express-app.js';
import { makeTempDir, startTestServer } from '../../support/test-server.js';

const SCRIPT = `export const lines = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `line ${i}`))};\n`;

/** A client build as client/build/precompress.ts leaves it: each asset beside its .br and .gz. */
function precompressedBuild(): string {
  const temp = makeTempDir('client-compressed');
  const assets = path.join(temp.dir, 'assets');
  mkdirSync(assets);
  writeFileSync(path.join(temp.dir, 'index.html'), '<!doctype html><title>Setboard</title>');
  writeFileSync(path.join(assets, 'app-1a2b3c.js'), SCRIPT);
  writeFileSync(path.join(assets, 'app-1a2b3c.js.br'), brotliCompressSync(SCRIPT));
  writeFileSync(path.join(assets, 'app-1a2b3c.js.gz'), gzipSync(SCRIPT));
  writeFileSync(path.join(assets, 'tiny-9f8e7d.js'), 'export {};\n');
  return temp.dir;
}

/** Node's fetch decodes bodies itself; ask with raw headers so we see what was sent. */
async function getRaw(url: string, acceptEncoding: string | null) {
  const { request } = await import('node:http');
  return new Promise<{ status: number; headers: Record<string, string>; body: Buffer }>(
    (resolve, reject) => {
      const req = request(
        url,
        { headers: acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers as Record<string, string>,
              body: Buffer.concat(chunks),
            }),
          );
        },
      );
      req.on('error', reject);
      req.end();
    },
  );
}

describe('Compressed responses', () => {
  it('[AT-SP3] assets go out as br or gzip when asked, identity otherwise, always with Vary: Accept-Encoding and a long cache', async () => {
    const server = await startTestServer({ clientDistDir: precompressedBuild() });
    const url = `${server.url}/assets/app-1a2b3c.js`;

    const br = await getRaw(url, 'gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^text\/javascript/);
    expect(br.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(br.headers['cache-control']).toMatch(/max-age=31536000.*immutable/);
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT);

    const gz = await getRaw(url, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(gunzipSync(gz.body).toString()).toBe(SCRIPT);

    // The client's preference decides when it weighs them.
    const preferGzip = await getRaw(url, 'br;q=0.5, gzip;q=1');
    expect(preferGzip.headers['content-encoding']).toBe('gzip');

    for (const accept of [null, 'identity', 'deflate']) {
      const plain = await getRaw(url, accept);
      expect(plain.status).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers['vary']).toMatch(/Accept-Encoding/i);
      expect(plain.body.toString()).toBe(SCRIPT);
    }

    // A file too small to have compressed copies is served as it is.
    const tiny = await getRaw(`${server.url}/assets/tiny-9f8e7d.js`, 'br, gzip');
    expect(tiny.status).toBe(200);
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body.toString()).toBe('export {};\n');
  });

  it('[AT-SP3] API JSON is gzip-compressed above the threshold and left alone below it', async () => {
    const server = await startTestServer();
    const big = await getRaw(`${server.url}/api/openapi.json`, 'gzip');
    expect(big.status).toBe(200);
    expect(big.headers['content-encoding']).toBe('gzip');
    const spec = JSON.parse(gunzipSync(big.body).toString()) as { openapi: string };
    expect(spec.openapi).toMatch(/^3\./);
    expect(gunzipSync(big.body).length).toBeGreaterThan(API_COMPRESSION_THRESHOLD_BYTES);

    const small = await getRaw(`${server.url}/api/no-such-route`, 'gzip');
    expect(small.status).toBe(404);
    expect(small.body.length).toBeLessThan(API_COMPRESSION_THRESHOLD_BYTES);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString())).toMatchObject({
      error: { code: expect.any(String) },
    });
  });
});

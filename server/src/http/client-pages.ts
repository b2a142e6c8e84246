/**
 * Serves the built client. Hashed assets are cached for a year, and sent precompressed (brotli or
 * gzip) to browsers that accept it; `index.html` is never cached, so
 * a new deployment reaches people on their next load. Any other GET that is not an API or
 * realtime path gets `index.html`, letting the client's router handle deep links.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import { precompressedFiles } from './precompressed.js';

/** Hashed asset names change with their content, so they may be cached for good. */
const ONE_YEAR_MS = 365 * 24 * 60 * 60 * 1000;

const NOT_CLIENT_PATHS = /^\/(api|socket\.io|yjs|healthz|readyz)(\/|$)/;

export function clientPages(clientDistDir: string | undefined): Router {
  const router = Router();
  const indexFile = clientDistDir ? path.join(clientDistDir, 'index.html') : undefined;
  if (!clientDistDir || !indexFile || !existsSync(indexFile)) {
    router.get('/', (_req, res) => {
      res
        .status(503)
        .type('text/plain')
        .send('The Setboard client has not been built. Run `npm start` (it builds it first).');
    });
    return router;
  }
  const assetsDir = path.join(clientDistDir, 'assets');
  router.use(
    '/assets',
    precompressedFiles(assetsDir, { immutable: true, maxAgeMs: ONE_YEAR_MS }),
    express.static(assetsDir, { immutable: true, maxAge: ONE_YEAR_MS }),
  );
  router.use(express.static(clientDistDir, { index: false, maxAge: 0 }));
  router.get('/{*path}', (req, res, next) => {
    if (NOT_CLIENT_PATHS.test(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
  return router;
}

/**
 * Serves the built client. Hashed assets are cached for a year; `index.html` is never cached, so
 * a new deployment reaches people on their next load. Any other GET that is not an API or
 * realtime path gets `index.html`, letting the client's router handle deep links.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

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
  router.use(
    '/assets',
    express.static(path.join(clientDistDir, 'assets'), { immutable: true, maxAge: '1y' }),
  );
  router.use(express.static(clientDistDir, { index: false, maxAge: 0 }));
  router.get('/{*path}', (req, res, next) => {
    if (NOT_CLIENT_PATHS.test(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
  return router;
}

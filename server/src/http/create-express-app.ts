/**
 * The Express application: security headers, request logging, body limits, health checks, the
 * API routers (added by later features) and the built client. Errors end in one JSON handler.
 */
import express, { type ErrorRequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import { randomUUID } from 'node:crypto';
import { ErrorCode } from '@setboard/shared';
import { pathOnly, type Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { AccessServices } from '../access/services.js';
import { clientPages } from './client-pages.js';
import { healthRoutes } from './health.routes.js';
import { isSameOrigin, isStateChanging } from '../access/origin.js';
import { mountRoutes, type RouteDefinition } from './route.js';
import { securityHeaders } from './security-headers.js';

/** Pages whose address carries a token (in the fragment): never send a Referer from them. */
const TOKEN_PAGES = /^\/(invitation|sign-in|setup)(\/|$)/;

/** Largest JSON body the API accepts. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

export interface ExpressAppDeps {
  store: Store;
  logger: Logger;
  clientDistDir: string | undefined;
  https: boolean;
  publicUrl: string | undefined;
  services: AccessServices;
  routes: readonly RouteDefinition[];
}

export function createExpressApp(deps: ExpressAppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: () => randomUUID(),
      // Query strings may carry tokens: log the path only.
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          path: pathOnly(req.url),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req) => /^\/(healthz|readyz|assets\/)/.test(req.url ?? '') },
    }),
  );
  app.use(securityHeaders({ https: deps.https }));
  app.use((req, res, next) => {
    if (TOKEN_PAGES.test(req.path)) res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });
  app.use('/api', (req, res, next) => {
    if (!isStateChanging(req.method) || isSameOrigin(req, deps.publicUrl)) return next();
    void deps.services.audit.record({ action: 'access.denied', detail: 'bad origin' });
    res.status(403).json({
      error: { code: ErrorCode.badOrigin, message: 'This request came from another site.' },
    });
  });
  app.use('/api', express.json({ limit: MAX_JSON_BODY_BYTES }));
  app.use(healthRoutes(deps));
  app.use(mountRoutes(deps.routes, deps.services, deps.logger));
  app.use('/api', (_req, res) => {
    res.status(404).json({ error: { code: ErrorCode.notFound, message: 'No such API route.' } });
  });
  app.use(clientPages(deps.clientDistDir));
  app.use(jsonErrors(deps.logger));
  return app;
}

/** Turns thrown errors into JSON; body-parser's own errors keep their status (400, 413). */
function jsonErrors(logger: Logger): ErrorRequestHandler {
  return (error: { status?: number; type?: string; message?: string }, req, res, _next) => {
    const status = typeof error.status === 'number' ? error.status : 500;
    if (status >= 500) logger.error({ err: error, path: pathOnly(req.url) }, 'request failed');
    const code = status === 413 || status === 400 ? ErrorCode.validation : ErrorCode.internal;
    const message =
      status === 413
        ? 'The request was too large.'
        : status === 400
          ? 'The request could not be read.'
          : 'Something went wrong on our side. It has been logged.';
    res.status(status).json({ error: { code, message } });
  };
}

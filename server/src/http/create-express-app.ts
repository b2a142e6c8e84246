/**
 * The Express application: security headers, request logging, body limits, health checks, the
 * API routers (added by later features) and the built client. Errors end in one JSON handler.
 */
import compression from 'compression';
import express, { type ErrorRequestHandler } from 'express';
import { ErrorCode } from '@setboard/shared';
import type { Logger } from '../logger.js';
import { logWithRequest, requestLogging } from './request-logging.js';
import type { Store } from '../store/store.js';
import type { AccessServices } from '../access/services.js';
import { clientPages } from './client-pages.js';
import { healthRoutes } from './health.routes.js';
import { isSameOrigin, isStateChanging } from '../access/origin.js';
import { expressTrustSetting, type ProxyTrust } from '../access/proxy-trust.js';
import { mountRoutes, type RouteDefinition } from './route.js';
import { securityHeaders } from './security-headers.js';
import { metricsRoute, type MetricsRouteDeps } from './metrics.route.js';

/** Pages whose address carries a token (in the fragment): never send a Referer from them. */
const TOKEN_PAGES = /^\/(invitation|sign-in|setup|booking-status|unsubscribe)(\/|$)/;

/**
 * API answers smaller than this go uncompressed: below about a kilobyte gzip's header and the
 * CPU cost outweigh the bytes saved.
 */
export const API_COMPRESSION_THRESHOLD_BYTES = 1024;

/** Largest JSON body the API accepts. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

export interface ExpressAppDeps {
  store: Store;
  logger: Logger;
  clientDistDir: string | undefined;
  https: boolean;
  publicUrl: string | undefined;
  /** Whom to believe about X-Forwarded-* (TRUST_PROXY); default: nobody. */
  proxyTrust?: ProxyTrust;
  services: AccessServices;
  routes: readonly RouteDefinition[];
  /** The app's metrics, and the bearer token that may read them on this port (if any). */
  metrics?: MetricsRouteDeps;
}

export function createExpressApp(deps: ExpressAppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // Only when TRUST_PROXY says so: otherwise any client could pick its own req.ip.
  app.set('trust proxy', expressTrustSetting(deps.proxyTrust ?? false));
  app.use(requestLogging(deps.logger));
  app.use(securityHeaders({ https: deps.https }));
  app.use((req, res, next) => {
    if (TOKEN_PAGES.test(req.path)) res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });
  app.use('/api', (req, res, next) => {
    if (!isStateChanging(req.method) || isSameOrigin(req, deps)) return next();
    void deps.services.audit.record({ action: 'access.denied', detail: 'bad origin' });
    res.status(403).json({
      error: { code: ErrorCode.badOrigin, message: 'This request came from another site.' },
    });
  });
  app.use('/api', compression({ threshold: API_COMPRESSION_THRESHOLD_BYTES }));
  app.use('/api', express.json({ limit: MAX_JSON_BODY_BYTES }));
  app.use(healthRoutes(deps));
  app.use(metricsRoute(deps.metrics));
  app.use(mountRoutes(deps.routes, deps.services));
  app.use('/api', (_req, res) => {
    res.status(404).json({ error: { code: ErrorCode.notFound, message: 'No such API route.' } });
  });
  app.use(clientPages(deps.clientDistDir));
  app.use(jsonErrors());
  return app;
}

/** Turns thrown errors into JSON; body-parser's own errors keep their status (400, 413). */
function jsonErrors(): ErrorRequestHandler {
  return (error: { status?: number; type?: string; message?: string }, _req, res, _next) => {
    const status = typeof error.status === 'number' ? error.status : 500;
    if (status >= 500) logWithRequest(res, error);
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

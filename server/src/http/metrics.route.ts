/**
 * `/metrics` on the main port: only with `Authorization: Bearer <METRICS_TOKEN>`, and not at all
 * when no token is configured (the separate METRICS_PORT is the other way in; see
 * server/src/metrics/metrics-access.ts). Always answered here, so the path never falls through
 * to the client's pages.
 */
import { Router } from 'express';
import { ErrorCode } from '@setboard/shared';
import type { Metrics } from '../metrics/metrics.js';
import { METRICS_PATH, hasMetricsToken, sendMetrics } from '../metrics/metrics-access.js';

export interface MetricsRouteDeps {
  metrics: Metrics;
  token: string | undefined;
}

export function metricsRoute(deps: MetricsRouteDeps | undefined): Router {
  const router = Router();
  router.get(METRICS_PATH, (req, res, next) => {
    const token = deps?.token;
    if (!deps || !token) {
      res.status(404).json({ error: { code: ErrorCode.notFound, message: 'Not found.' } });
      return;
    }
    if (!hasMetricsToken(req.get('authorization'), token)) {
      res
        .status(401)
        .set('WWW-Authenticate', 'Bearer')
        .json({
          error: { code: ErrorCode.unauthenticated, message: 'A metrics token is needed.' },
        });
      return;
    }
    sendMetrics(deps.metrics, res).catch(next);
  });
  return router;
}

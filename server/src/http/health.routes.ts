/**
 * `/healthz`: the process is up. `/readyz`: it can serve, i.e. the store answers.
 * Load balancers use the second to take an instance out of rotation.
 */
import { Router } from 'express';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';

export function healthRoutes(deps: { store: Store; logger: Logger }): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    try {
      await deps.store.ping();
      res.json({ status: 'ready', store: deps.store.kind });
    } catch (error) {
      deps.logger.warn({ err: error }, 'readiness check failed: store did not answer');
      res.status(503).json({ status: 'unavailable', store: deps.store.kind });
    }
  });
  return router;
}

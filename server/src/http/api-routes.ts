/**
 * The registry of every API route. Everything under /api is mounted from here, so the
 * authorisation matrix test [B1] and the OpenAPI document see every route there is.
 */
import { z } from 'zod';
import { auditRoutes } from './audit.routes.js';
import { linkRoutes } from './links.routes.js';
import { buildOpenApiDocument } from './openapi.js';
import { defineRoute, type RouteDefinition } from './route.js';
import type { RouteDeps } from './route-deps.js';
import { sessionRoutes } from './session.routes.js';
import { setRoutes } from './sets.routes.js';

export function createApiRoutes(deps: RouteDeps): RouteDefinition[] {
  const routes = [
    ...sessionRoutes(deps),
    ...setRoutes(deps),
    ...linkRoutes(deps),
    ...auditRoutes(deps),
  ];
  let openApi: object | null = null;
  routes.push(
    defineRoute({
      method: 'get',
      path: '/api/openapi.json',
      summary: 'This description',
      policy: 'public',
      reply: z.record(z.string(), z.unknown()),
      handle: async () => (openApi ??= buildOpenApiDocument(routes)) as Record<string, unknown>,
    }),
  );
  return routes;
}

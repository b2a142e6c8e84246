/**
 * `/api/openapi.json`, generated from the same route declarations and zod schemas that validate
 * requests, so the description cannot drift from what the server accepts.
 */
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { ApiErrorBody, PROTOCOL_VERSION } from '@setboard/shared';
import type { RouteDefinition } from './route.js';

export function buildOpenApiDocument(routes: readonly RouteDefinition[]): object {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'setboard_session',
  });
  for (const route of routes) {
    registry.registerPath({
      method: route.method,
      path: route.path.replace(/:(\w+)/g, '{$1}'),
      summary: route.summary,
      description: `Access: ${route.policy}${route.rateLimit ? ` (rate-limited: ${route.rateLimit})` : ''}.`,
      ...(route.policy === 'public' ? {} : { security: [{ session: [] }] }),
      request: {
        ...(route.params ? { params: route.params as never } : {}),
        ...(route.body
          ? { body: { content: { 'application/json': { schema: route.body } }, required: true } }
          : {}),
      },
      responses: {
        200: { description: 'Done', content: { 'application/json': { schema: route.reply } } },
        default: {
          description: 'An error: validation, unauthenticated, forbidden, not found, link refused…',
          content: { 'application/json': { schema: ApiErrorBody } },
        },
      },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Setboard API',
      version: `1.${PROTOCOL_VERSION}`,
      description:
        'State-changing requests need an Origin header of this site. Realtime events: docs/protocol.md.',
    },
  });
}

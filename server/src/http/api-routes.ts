/**
 * The registry of every API route. Everything under /api is mounted from here, so the
 * authorisation matrix test [AT-B1] and the OpenAPI document see every route there is.
 */
import { z } from 'zod';
import { accountRoutes } from './account.routes.js';
import { actionRoutes } from './actions.routes.js';
import { attendanceRoutes } from './attendance.routes.js';
import { auditRoutes } from './audit.routes.js';
import { bookingRoutes } from './bookings.routes.js';
import { reminderMailRoutes } from './reminder-mail.routes.js';
import { calendarRoutes } from './calendar.routes.js';
import { displayRoutes } from './display.routes.js';
import { pulseRoutes } from './pulse.routes.js';
import { notificationRoutes } from './notifications.routes.js';
import { privacyRoutes } from './privacy.routes.js';
import { recordRoutes } from './record.routes.js';
import { linkRoutes } from './links.routes.js';
import { logRoutes } from './log.routes.js';
import { passkeyRoutes } from './passkey.routes.js';
import { buildOpenApiDocument } from './openapi.js';
import { defineRoute, type RouteDefinition } from './route.js';
import type { RouteDeps } from './route-deps.js';
import { sessionRoutes } from './session.routes.js';
import { setRoutes } from './sets.routes.js';

export function createApiRoutes(deps: RouteDeps): RouteDefinition[] {
  const routes = [
    ...sessionRoutes(deps),
    ...setRoutes(deps),
    ...attendanceRoutes(deps),
    ...actionRoutes(deps),
    ...logRoutes(deps),
    ...calendarRoutes(deps),
    ...notificationRoutes(deps),
    ...linkRoutes(deps),
    ...accountRoutes(deps),
    ...passkeyRoutes(deps),
    ...auditRoutes(deps),
    ...privacyRoutes(deps),
    ...recordRoutes(deps),
    ...bookingRoutes(deps),
    ...reminderMailRoutes(deps),
    ...displayRoutes(deps),
    ...pulseRoutes(deps),
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

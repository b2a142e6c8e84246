/** The audit log of security events, for organisers. */
import { z } from 'zod';
import { AuditEvent } from '@setboard/shared';
import { defineRoute } from './route.js';
import type { RouteDeps } from './route-deps.js';

export function auditRoutes({ services }: RouteDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/audit',
      summary: 'Security events, newest first (who, what, when — never content)',
      policy: 'organiser',
      reply: z.object({ events: z.array(AuditEvent) }),
      handle: async () => ({ events: await services.audit.list() }),
    }),
  ];
}

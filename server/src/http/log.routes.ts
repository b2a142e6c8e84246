/** The learning log's server routes: keeping given-back words (docs/api.md). */
import { KeepInLogRequest, KeptInLog } from '@setboard/shared';
import { defineRoute } from './route.js';
import type { RouteDeps } from './route-deps.js';

export function logRoutes({ year }: RouteDeps) {
  return [
    defineRoute({
      method: 'post',
      path: '/api/my/log/kept',
      summary: 'Keep words the server gave back in your own learning log, as a new dated entry',
      policy: 'signed_in',
      body: KeepInLogRequest,
      reply: KeptInLog,
      handle: async ({ person, body }) => year.learningLog.keep(person!.id, body),
    }),
  ];
}

/** The one-question pulse at the process review (docs/api.md, "Pulse"). */
import { z } from 'zod';
import { EntityId, MeetingIndex, PulseRequest, PulseView } from '@setboard/shared';
import { Pulses } from '../meetings/pulse.js';
import { defineRoute } from './route.js';
import type { RouteDeps } from './route-deps.js';

const MeetingParams = z.object({
  setId: EntityId,
  meetingIndex: z.coerce.number().pipe(MeetingIndex),
});

export function pulseRoutes({ services }: RouteDeps) {
  const pulses = new Pulses({ store: services.store });
  const path = '/api/sets/:setId/meetings/:meetingIndex/pulse';
  return [
    defineRoute({
      method: 'get',
      path,
      summary: 'How the meeting answered the pulse (counts only) and whether you have',
      policy: 'set_member',
      params: MeetingParams,
      reply: PulseView,
      handle: async ({ set, person, params }) => pulses.of(set!, params.meetingIndex, person!.id),
    }),
    defineRoute({
      method: 'post',
      path,
      summary: 'Answer the pulse, once, during the process review (anonymous to the set)',
      policy: 'set_member',
      params: MeetingParams,
      body: PulseRequest,
      reply: PulseView,
      handle: async ({ set, person, params, body }) =>
        pulses.answer(set!, params.meetingIndex, person!.id, body.score),
    }),
  ];
}

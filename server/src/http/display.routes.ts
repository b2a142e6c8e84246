/**
 * The room display (docs/api.md, "Room display"): the facilitator makes and revokes a meeting's
 * display link; the room's screen pairs with it once and then reads the meeting read-only.
 */
import type { Request } from 'express';
import { parse } from 'cookie';
import { z } from 'zod';
import {
  DISPLAY_COOKIE,
  DisplayLinkView,
  DisplayPairRequest,
  DisplayView,
  EntityId,
  MeetingIndex,
} from '@setboard/shared';
import { DisplayLinks } from '../display/display-links.js';
import { defineRoute } from './route.js';
import type { RouteDeps } from './route-deps.js';

const MeetingParams = z.object({
  setId: EntityId,
  meetingIndex: z.coerce.number().pipe(MeetingIndex),
});

function displayCookieOf(req: Request): string | undefined {
  const header = req.headers.cookie;
  return header ? parse(header)[DISPLAY_COOKIE] : undefined;
}

export function displayRoutes({ services, https }: RouteDeps) {
  const links = new DisplayLinks({ store: services.store, now: services.now });
  const path = '/api/sets/:setId/meetings/:meetingIndex/display';
  return [
    defineRoute({
      method: 'post',
      path,
      summary: 'Make a display link for the meeting (any earlier one stops working)',
      policy: 'set_facilitator',
      params: MeetingParams,
      reply: DisplayLinkView,
      handle: async ({ set, params }) => {
        const { token, expiresAt } = await links.create(set!, params.meetingIndex);
        // The token travels in the fragment: never in a request line or a server log.
        return { pairPath: `/display#${token}`, expiresAt };
      },
    }),
    defineRoute({
      method: 'delete',
      path,
      summary: 'Stop the meeting’s display link and the screen paired with it',
      policy: 'set_facilitator',
      params: MeetingParams,
      reply: z.object({ revoked: z.literal(true) }),
      handle: async ({ set, params }) => {
        await links.revoke(set!, params.meetingIndex);
        return { revoked: true as const };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/display/pair',
      summary: 'Pair this screen with a display link (once)',
      policy: 'public',
      rateLimit: 'links',
      body: DisplayPairRequest,
      reply: z.object({ paired: z.literal(true) }),
      handle: async ({ body, res }) => {
        const value = await links.pair(body.token);
        res.cookie(DISPLAY_COOKIE, value, {
          httpOnly: true,
          sameSite: 'strict',
          secure: https,
          path: '/api/display',
        });
        return { paired: true as const };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/display/view',
      summary: 'The meeting as the paired screen shows it (no controls, nothing private)',
      policy: 'public',
      reply: DisplayView,
      handle: async ({ req }) => links.view(displayCookieOf(req)),
    }),
  ];
}

/**
 * Calendars: one meeting's `.ics`, and each person's private feed. The feed's address carries
 * its secret token, because calendar apps fetch addresses and nothing else; it is the one place
 * a token travels in a URL, so the address is shown once, can be revoked and regenerated, and
 * the request log never records the token (logger `pathOnly`).
 */
import { z } from 'zod';
import {
  CalendarFeedFile,
  CalendarFeedState,
  CreatedCalendarFeed,
  Done,
  EntityId,
  MeetingIndex,
} from '@setboard/shared';
import type { Response } from 'express';
import { refuse } from '../access/errors.js';
import { defineRoute } from './route.js';
import { linkOrigin, type RouteDeps } from './route-deps.js';

const MeetingParams = z.object({
  setId: EntityId,
  meetingIndex: z.coerce.number().pipe(MeetingIndex),
});
const FeedParams = z.object({ file: CalendarFeedFile });
const IcsText = z.string().describe('An iCalendar (RFC 5545) document, as text/calendar');

function sendCalendar(res: Response, text: string, filename: string): string {
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.type('text/calendar; charset=utf-8').send(text);
  return text;
}

export function calendarRoutes({ year, publicUrl }: RouteDeps) {
  const { calendars } = year;
  return [
    defineRoute({
      method: 'get',
      path: '/api/sets/:setId/meetings/:meetingIndex/calendar',
      summary: 'One planned meeting as an .ics file, with its place and video link',
      policy: 'set_member',
      params: MeetingParams,
      reply: IcsText,
      handle: async ({ set, params, req, res }) => {
        if (!set!.meetings[params.meetingIndex]) throw refuse.notFound('That meeting');
        const text = await calendars.meeting(set!, params.meetingIndex, linkOrigin(req, publicUrl));
        return sendCalendar(res, text, `meeting-${params.meetingIndex + 1}.ics`);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/my/calendar-feed',
      summary: 'Whether you have a private calendar feed',
      policy: 'signed_in',
      reply: CalendarFeedState,
      handle: async ({ person }) => {
        const feed = await calendars.feeds.of(person!.id);
        return { active: feed !== null, createdAt: feed?.createdAt ?? null };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/my/calendar-feed',
      summary: 'Make (or remake) your private calendar feed; any earlier address stops working',
      policy: 'signed_in',
      reply: CreatedCalendarFeed,
      handle: async ({ person, req }) => {
        const token = await calendars.feeds.regenerate(person!.id);
        const feed = await calendars.feeds.of(person!.id);
        const url = `${linkOrigin(req, publicUrl)}/api/calendar/${token}.ics`;
        return { url, createdAt: feed?.createdAt ?? 0 };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/api/my/calendar-feed',
      summary: 'Stop your private calendar feed working',
      policy: 'signed_in',
      reply: Done,
      handle: async ({ person }) => {
        await calendars.feeds.revoke(person!.id);
        return { done: true } as const;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/calendar/:file',
      summary: 'A private calendar feed (the address is the secret): meetings and action due dates',
      policy: 'public',
      rateLimit: 'links',
      params: FeedParams,
      reply: IcsText,
      handle: async ({ params, req, res }) => {
        const personId = await calendars.feeds.personOf(params.file.slice(0, -'.ics'.length));
        if (!personId) throw refuse.notFound('That calendar');
        const text = await calendars.feedOf(personId, linkOrigin(req, publicUrl));
        return sendCalendar(res, text, 'setboard.ics');
      },
    }),
  ];
}

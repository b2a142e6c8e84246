/** Calendars on the wire (docs/api.md): the private feed's state, and a new feed's address. */
import { z } from 'zod';

/** `GET /api/my/calendar-feed`: whether I have a feed (its address is shown only once). */
export const CalendarFeedState = z.object({
  active: z.boolean(),
  createdAt: z.number().nullable(),
});
export type CalendarFeedState = z.infer<typeof CalendarFeedState>;

/** `POST /api/my/calendar-feed`: a new secret feed address; any earlier one stops working. */
export const CreatedCalendarFeed = z.object({ url: z.string(), createdAt: z.number() });
export type CreatedCalendarFeed = z.infer<typeof CreatedCalendarFeed>;

/** The secret in a feed's address: 43 base64url characters, then `.ics`. */
export const CalendarFeedFile = z.string().regex(/^[A-Za-z0-9_-]{43}\.ics$/, 'No such calendar');

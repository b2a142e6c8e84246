/**
 * The room display (docs/api.md, "Room display"): a read-only screen for a set that meets in a
 * room. The facilitator makes a link; the screen pairs with it once and then reads the meeting
 * with a cookie of its own, never a person's session.
 */
import { z } from 'zod';
import { MeetingState } from '../../domain/meeting/meeting-state.js';

/** The display's own cookie (HttpOnly, only sent to `/api/display`). */
export const DISPLAY_COOKIE = 'setboard_display';

/** A new display link: the page to open on the room's screen, and when it stops working. */
export const DisplayLinkView = z.object({ pairPath: z.string(), expiresAt: z.number() });
export type DisplayLinkView = z.infer<typeof DisplayLinkView>;

/** `POST /api/display/pair`: the token from the link's fragment. */
export const DisplayPairRequest = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Not a valid display link'),
});

/** What the screen shows of the current stage's work: nothing private, ever. */
export const DisplaySurface = z.object({
  issue: z.string(),
  outcome: z.string(),
  questions: z.array(z.object({ text: z.string(), authorId: z.string() })),
});
export type DisplaySurface = z.infer<typeof DisplaySurface>;

/** `GET /api/display/view`: the meeting as the screen shows it, or why there is nothing. */
export const DisplayView = z.discriminatedUnion('paired', [
  z.object({ paired: z.literal(false), reason: z.string() }),
  z.object({
    paired: z.literal(true),
    setName: z.string(),
    meetingNumber: z.number().int(),
    serverNow: z.number(),
    state: MeetingState,
    /** The roster's names, by person id. */
    names: z.record(z.string(), z.string()),
    surface: DisplaySurface.nullable(),
  }),
]);
export type DisplayView = z.infer<typeof DisplayView>;

import { z } from 'zod';

/** Why the server is telling every connected person something. */
export const ServerNoticeKind = z.enum(['restarting', 'announcement']);

/** `server:notice`: a short message for everyone connected (e.g. the server is restarting). */
export const ServerNotice = z.object({
  kind: ServerNoticeKind,
  message: z.string().max(500),
  sentAt: z.number(),
});
export type ServerNotice = z.infer<typeof ServerNotice>;

/** The notification centre on the wire (docs/api.md, docs/reminders.md). */
import { z } from 'zod';

export const NotificationView = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  detail: z.string(),
  link: z.string(),
  createdAt: z.number(),
  read: z.boolean(),
});
export type NotificationView = z.infer<typeof NotificationView>;

/** `GET /api/my/notifications`: newest first, and how many are unread. */
export const NotificationList = z.object({
  notifications: z.array(NotificationView),
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof NotificationList>;

/** `POST /api/my/notifications/read`: these (or, without ids, all) are read. */
export const MarkReadRequest = z.object({ ids: z.array(z.string().max(300)).max(500).optional() });
export type MarkReadRequest = z.infer<typeof MarkReadRequest>;

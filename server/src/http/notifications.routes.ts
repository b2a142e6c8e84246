/** The notification centre: my reminders, newest first, and marking them read. */
import { MarkReadRequest, NotificationList } from '@setboard/shared';
import { defineRoute } from './route.js';
import type { RouteDeps } from './route-deps.js';

export function notificationRoutes({ year }: RouteDeps) {
  const { notifications } = year;
  return [
    defineRoute({
      method: 'get',
      path: '/api/my/notifications',
      summary: 'Your reminders and notices, newest first, with how many are unread',
      policy: 'signed_in',
      reply: NotificationList,
      handle: async ({ person }) => notifications.list(person!.id),
    }),
    defineRoute({
      method: 'post',
      path: '/api/my/notifications/read',
      summary: 'Mark some (or, without ids, all) of your notifications read',
      policy: 'signed_in',
      body: MarkReadRequest,
      reply: NotificationList,
      handle: async ({ person, body }) => {
        await notifications.markRead(person!.id, body.ids);
        year.notificationsChanged(person!.id);
        return notifications.list(person!.id);
      },
    }),
  ];
}

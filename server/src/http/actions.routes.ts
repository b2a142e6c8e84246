/** "My actions", status changes on them, and the actions each presenter reports back on. */
import { z } from 'zod';
import {
  EntityId,
  MeetingActions,
  MeetingIndex,
  MyActionsView,
  OwnedAction,
  UpdateActionRequest,
} from '@setboard/shared';
import { refuse } from '../access/errors.js';
import { defineRoute } from './route.js';
import type { RouteDeps } from './route-deps.js';

const ActionParams = z.object({
  setId: EntityId,
  slotId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a valid slot'),
  actionId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a valid action'),
});
const MeetingParams = z.object({
  setId: EntityId,
  meetingIndex: z.coerce.number().pipe(MeetingIndex),
});

export function actionRoutes({ year }: RouteDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/my/actions',
      summary: 'Every action you own across your sets, by due date, and your objectives',
      policy: 'signed_in',
      reply: MyActionsView,
      handle: async ({ person }) => year.myActions.of(person!.id),
    }),
    defineRoute({
      method: 'post',
      path: '/api/sets/:setId/actions/:slotId/:actionId',
      summary: 'Change the status of one of your actions and add a progress note',
      policy: 'set_member',
      params: ActionParams,
      body: UpdateActionRequest,
      reply: OwnedAction,
      handle: async ({ set, person, params, body }) => {
        const updated = await year.myActions.update(
          set!,
          params.slotId,
          params.actionId,
          person!.id,
          body,
        );
        await year.actionsChanged(set!);
        return updated;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/sets/:setId/meetings/:meetingIndex/actions',
      summary: 'The actions each presenter took away from a meeting, with their status now',
      policy: 'set_member',
      params: MeetingParams,
      reply: MeetingActions,
      handle: async ({ set, params }) => {
        if (!set!.meetings[params.meetingIndex]) throw refuse.notFound('That meeting');
        return year.myActions.fromMeeting(set!, params.meetingIndex);
      },
    }),
  ];
}

import { type UpdateActionRequest, MyActionsView, OwnedAction } from '@setboard/shared';
import { apiRequest } from '../../../api/api-request';

export const MY_ACTIONS_PATH = '/api/my/actions';
export const MyActionsReply = MyActionsView;

/** `POST /api/sets/:setId/actions/:slotId/:actionId`. */
export function updateAction(
  action: Pick<OwnedAction, 'setId' | 'slotId' | 'actionId'>,
  request: UpdateActionRequest,
) {
  const path = [action.setId, 'actions', action.slotId, action.actionId]
    .map(encodeURIComponent)
    .join('/');
  return apiRequest('POST', `/api/sets/${path}`, { body: request, schema: OwnedAction });
}

import { type SetLifecycle, type UpdateSetRequest, SetView } from '@setboard/shared';
import { apiRequest } from '../../../api/api-request';
import { setApiPath } from '../../../ui/LoadedSet';

export function updateSet(setId: string, request: UpdateSetRequest) {
  return apiRequest('PATCH', setApiPath(setId), { body: request, schema: SetView });
}

export function changeLifecycle(setId: string, lifecycle: SetLifecycle) {
  return apiRequest('PATCH', setApiPath(setId), { body: { lifecycle }, schema: SetView });
}

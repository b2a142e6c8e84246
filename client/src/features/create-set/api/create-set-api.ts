import { type CreateSetRequest, SetView } from '@setboard/shared';
import { apiRequest } from '../../../api/api-request';

export function createSet(request: CreateSetRequest): Promise<SetView> {
  return apiRequest('POST', '/api/sets', { body: request, schema: SetView });
}

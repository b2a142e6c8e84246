import { SessionView, type SetupRequest } from '@setboard/shared';
import { apiRequest } from '../../../api/api-request';

/** `POST /api/setup`: the first organiser, with the token the server printed. */
export function completeSetup(request: SetupRequest): Promise<SessionView> {
  return apiRequest('POST', '/api/setup', { body: request, schema: SessionView });
}

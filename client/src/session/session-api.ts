import { Done } from '@setboard/shared';
import { apiRequest } from '../api/api-request';

export const SESSION_PATH = '/api/session';

export function signOut(): Promise<Done> {
  return apiRequest('POST', '/api/sign-out', { schema: Done });
}

import { CreatedLink, NewRecoveryCode, OrganiserList, SessionView } from '@setboard/shared';
import { apiRequest } from '../../../api/api-request';

export const ORGANISERS_PATH = '/api/organisers';
export { OrganiserList };

export function setEmail(email: string): Promise<SessionView> {
  return apiRequest('POST', '/api/account/email', { body: { email }, schema: SessionView });
}

export function spendRecoveryCode(code: string): Promise<SessionView> {
  return apiRequest('POST', '/api/account/recovery-code/use', {
    body: { code },
    schema: SessionView,
  });
}

export function makeRecoveryCode(): Promise<NewRecoveryCode> {
  return apiRequest('POST', '/api/account/recovery-code', { schema: NewRecoveryCode });
}

export function noticesSeen(ids: string[]): Promise<SessionView> {
  return apiRequest('POST', '/api/account/notices/seen', { body: { ids }, schema: SessionView });
}

export function organiserSignInLink(personId: string): Promise<CreatedLink> {
  return apiRequest('POST', `/api/organisers/${personId}/sign-in-links`, {
    body: {},
    schema: CreatedLink,
  });
}

import { InvitationPreview, type RedeemInvitationRequest, RedeemReply } from '@setboard/shared';
import { apiRequest } from '../../../api/api-request';

export { RedeemReply };

export function inspectInvitation(token: string, signal?: AbortSignal): Promise<InvitationPreview> {
  return apiRequest('POST', '/api/links/inspect', {
    body: { token },
    schema: InvitationPreview,
    ...(signal ? { signal } : {}),
  });
}

export function redeemInvitation(request: RedeemInvitationRequest): Promise<RedeemReply> {
  return apiRequest('POST', '/api/links/redeem', { body: request, schema: RedeemReply });
}

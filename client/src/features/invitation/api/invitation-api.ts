import { InvitationPreview, type RedeemInvitationRequest, SessionView } from '@setboard/shared';
import { z } from 'zod';
import { apiRequest } from '../../../api/api-request';

/** `POST /api/links/redeem`. */
export const RedeemReply = z.object({ session: SessionView, setId: z.string().nullable() });
export type RedeemReply = z.infer<typeof RedeemReply>;

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

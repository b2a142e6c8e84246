import {
  type CreateOrganiserInvitationRequest,
  CreatedLink,
  LinkView,
  SetSummary,
} from '@setboard/shared';
import { z } from 'zod';
import { apiRequest } from '../../../api/api-request';

export const ALL_SETS_PATH = '/api/sets';
export const ORGANISER_LINKS_PATH = '/api/organiser-links';

/** `GET /api/sets`: every set, for organisers. */
export const AllSetsReply = z.object({ sets: z.array(SetSummary) });
/** `GET /api/organiser-links`. */
export const OrganiserLinksReply = z.object({ links: z.array(LinkView) });

export function createOrganiserInvitation(
  request: CreateOrganiserInvitationRequest,
): Promise<CreatedLink> {
  return apiRequest('POST', ORGANISER_LINKS_PATH, { body: request, schema: CreatedLink });
}

export function revokeOrganiserLink(linkId: string): Promise<LinkView> {
  return apiRequest('POST', `${ORGANISER_LINKS_PATH}/${encodeURIComponent(linkId)}/revoke`, {
    schema: LinkView,
  });
}

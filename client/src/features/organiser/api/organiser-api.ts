import {
  type CreateOrganiserInvitationRequest,
  CreatedLink,
  LinkList,
  LinkView,
  SetList,
} from '@setboard/shared';
import { apiRequest } from '../../../api/api-request';

export const ALL_SETS_PATH = '/api/sets';
export const ORGANISER_LINKS_PATH = '/api/organiser-links';

/** `GET /api/sets`: every set, for organisers. */
export const AllSetsReply = SetList;
/** `GET /api/organiser-links`. */
export const OrganiserLinksReply = LinkList;

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

import {
  type CreateInvitationRequest,
  CreatedLink,
  LinkList,
  LinkView,
  SetView,
} from '@setboard/shared';
import { apiRequest } from '../../../api/api-request';
import { setApiPath as setPath } from '../../../ui/LoadedSet';

export function setLinksPath(setId: string): string {
  return `${setPath(setId)}/links`;
}

/** `GET /api/sets/:setId/links`. */
export const SetLinksReply = LinkList;

export function createInvitation(setId: string, request: CreateInvitationRequest) {
  return apiRequest('POST', `${setPath(setId)}/invitations`, {
    body: request,
    schema: CreatedLink,
  });
}

export function createSignInLink(setId: string, personId: string) {
  return apiRequest('POST', `${setPath(setId)}/sign-in-links`, {
    body: { personId },
    schema: CreatedLink,
  });
}

export function revokeSetLink(setId: string, linkId: string) {
  return apiRequest('POST', `${setPath(setId)}/links/${encodeURIComponent(linkId)}/revoke`, {
    schema: LinkView,
  });
}

export function removeMember(setId: string, personId: string) {
  return apiRequest('DELETE', `${setPath(setId)}/members/${encodeURIComponent(personId)}`, {
    schema: SetView,
  });
}

export function requestFacilitation(setId: string) {
  return apiRequest('POST', `${setPath(setId)}/facilitation/request`, { schema: SetView });
}

export function grantFacilitation(setId: string, personId: string) {
  return apiRequest('POST', `${setPath(setId)}/facilitation/grant`, {
    body: { personId },
    schema: SetView,
  });
}

/** The words people see for the API's values (British English, sentence case). */
import type { LinkKind, LinkStatus, SetLifecycle, SetRole, ViewerRole } from '@setboard/shared';

export type TagColour =
  'blue' | 'green' | 'grey' | 'orange' | 'yellow' | 'red' | 'purple' | 'white';

export const LIFECYCLE_TAGS: Record<SetLifecycle, { label: string; colour: TagColour }> = {
  forming: { label: 'Forming', colour: 'blue' },
  active: { label: 'Active', colour: 'green' },
  closing: { label: 'Closing', colour: 'yellow' },
  closed: { label: 'Closed', colour: 'grey' },
};

export const ROLE_LABELS: Record<ViewerRole | SetRole, string> = {
  organiser: 'Organiser',
  facilitator: 'Facilitator',
  member: 'Set member',
};

export const LINK_STATUS_TAGS: Record<LinkStatus, { label: string; colour: TagColour }> = {
  pending: { label: 'Not used yet', colour: 'blue' },
  used: { label: 'Used', colour: 'green' },
  declined: { label: 'Declined', colour: 'orange' },
  revoked: { label: 'Revoked', colour: 'grey' },
  expired: { label: 'Expired', colour: 'grey' },
};

export const LINK_KIND_LABELS: Record<LinkKind, string> = {
  member: 'Set member invitation',
  facilitator: 'Facilitator invitation',
  organiser: 'Organiser invitation',
  sign_in: 'Sign-in link',
};

export const MEMBERSHIP_STATUS_TAGS: Record<
  'active' | 'removed',
  { label: string; colour: TagColour }
> = {
  active: { label: 'Active', colour: 'green' },
  removed: { label: 'Removed', colour: 'grey' },
};

/** The words people see for the API's values (British English, sentence case). */
import type {
  LinkKind,
  LinkStatus,
  MeetingPhase,
  SetLifecycle,
  SetRole,
  ViewerRole,
} from '@setboard/shared';

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

/** Where a meeting's room is, in a word: whether there is anything to join now. */
export type RoomStatus = 'not_open' | 'waiting' | 'lobby' | 'live' | 'closed';

export const ROOM_STATUS_TAGS: Record<RoomStatus, { label: string; colour: TagColour }> = {
  not_open: { label: 'Not open yet', colour: 'grey' },
  waiting: { label: 'Open, not started', colour: 'blue' },
  lobby: { label: 'Lobby open', colour: 'green' },
  live: { label: 'Live now', colour: 'green' },
  closed: { label: 'Closed', colour: 'grey' },
};

/** A room's status from its meeting's phase (null: the room has not been opened). */
export function roomStatusOf(phase: MeetingPhase | null): RoomStatus {
  if (phase === null) return 'not_open';
  if (phase === 'scheduled') return 'waiting';
  if (phase === 'lobby') return 'lobby';
  if (phase === 'closed') return 'closed';
  return 'live';
}

/** People can go in and take part now. */
export function isJoinable(status: RoomStatus): boolean {
  return status === 'lobby' || status === 'live';
}

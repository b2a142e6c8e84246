/**
 * Who is in a set now. A membership is never deleted: someone who leaves stays listed as
 * `removed`, for the record of attendance, and has no role in the set any more. Server records
 * and the client's set view both carry `role` and `status`, so both ask these.
 */
import type { SetRole } from '../protocol/api/sets.js';

/** The part of a membership these helpers read. */
export interface MembershipStanding {
  role: SetRole;
  status: 'active' | 'removed';
}

/** The role of someone still in the set; null when they are not in it or were removed. */
export function activeRole(membership: MembershipStanding | null | undefined): SetRole | null {
  return membership?.status === 'active' ? membership.role : null;
}

/** Whether the membership is current (not removed). */
export function isActiveMember(membership: MembershipStanding | null | undefined): boolean {
  return activeRole(membership) !== null;
}

/** The memberships still current, in the order given. */
export function activeMembers<T extends MembershipStanding>(memberships: Iterable<T>): T[] {
  return [...memberships].filter(isActiveMember);
}

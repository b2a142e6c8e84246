/**
 * Who may do what, as pure functions the server enforces and the client mirrors to show or hide
 * controls. Every HTTP route and Socket.IO event names one `AccessPolicy`.
 */
import { parseDocName } from '../protocol/doc-names.js';
import { parseMeetingId } from '../protocol/meeting.js';
import { meetingIdOfSlot } from './boards/board-sections.js';
import { activeRole, type MembershipStanding } from './membership.js';

/** The signed-in person, or null. */
export type Actor = { personId: string; isOrganiser: boolean } | null;

/** The actor's place in the set a request is about (null: not in it). */
export type SetStanding = MembershipStanding | null;

export const AccessPolicy = {
  /** Anyone, signed in or not (token-bearing and read-only public routes). */
  public: 'public',
  /** Any signed-in person. */
  signedIn: 'signed_in',
  /** Organisers only. */
  organiser: 'organiser',
  /** Active members and the facilitator of the set — never organisers: they see no content. */
  setMember: 'set_member',
  /** Members of the set (not the facilitator). */
  setMemberNotFacilitator: 'set_member_not_facilitator',
  /** The set's facilitator only: running a meeting. */
  setFacilitator: 'set_facilitator',
  /** The set's facilitator or an organiser: running the set, never its content. */
  setFacilitatorOrOrganiser: 'set_facilitator_or_organiser',
  /** Anyone in the set, or an organiser: the set's details without content. */
  setMemberOrOrganiser: 'set_member_or_organiser',
} as const;
export type AccessPolicy = (typeof AccessPolicy)[keyof typeof AccessPolicy];

/** Policies that need to know the actor's standing in one set. */
export function isSetPolicy(policy: AccessPolicy): boolean {
  return policy.startsWith('set_');
}

/** Whether `actor`, standing as `standing` in the set concerned, passes `policy`. */
export function policyAllows(policy: AccessPolicy, actor: Actor, standing: SetStanding): boolean {
  if (policy === AccessPolicy.public) return true;
  if (actor === null) return false;
  const active = activeRole(standing);
  switch (policy) {
    case AccessPolicy.signedIn:
      return true;
    case AccessPolicy.organiser:
      return actor.isOrganiser;
    case AccessPolicy.setMember:
      return active !== null;
    case AccessPolicy.setMemberNotFacilitator:
      return active === 'member';
    case AccessPolicy.setFacilitator:
      return active === 'facilitator';
    case AccessPolicy.setFacilitatorOrOrganiser:
      return actor.isOrganiser || active === 'facilitator';
    case AccessPolicy.setMemberOrOrganiser:
      return actor.isOrganiser || active !== null;
  }
}

/**
 * What opening a collaborative document requires: `set:<id>`, `meeting:<meetingId>` and
 * `slot:<slotId>` docs belong to the members of the set their id names, `log:<personId>` only to
 * that person (not even the facilitator or an organiser). Every board belongs to someone.
 */
export type DocAccess =
  { kind: 'set'; setId: string } | { kind: 'owner'; personId: string } | { kind: 'unknown' };

export function docAccessRule(docName: string): DocAccess {
  const parsed = parseDocName(docName);
  if (!parsed) return { kind: 'unknown' };
  switch (parsed.kind) {
    case 'set':
      return { kind: 'set', setId: parsed.id };
    case 'meeting': {
      const meeting = parseMeetingId(parsed.id);
      return meeting ? { kind: 'set', setId: meeting.setId } : { kind: 'unknown' };
    }
    case 'slot': {
      const meeting = parseMeetingId(meetingIdOfSlot(parsed.id) ?? '');
      return meeting ? { kind: 'set', setId: meeting.setId } : { kind: 'unknown' };
    }
    case 'log':
      return { kind: 'owner', personId: parsed.id };
    default:
      return { kind: 'unknown' };
  }
}

/**
 * Whose cards a meeting board shows: each member's expectations (the first meeting) or
 * report-back (later meetings), in the round's order when the meeting has one.
 */
import { activeMembers, type MeetingState, type Membership } from '@setboard/shared';

export type RoundCardRoot = 'expectations' | 'reportBack';

/** The first meeting has the expectations round; every later one, the check-in. */
export function roundCardRoot(meetingNumber: number): RoundCardRoot {
  return meetingNumber === 1 ? 'expectations' : 'reportBack';
}

/**
 * The people who hold a card: the set's active members, and the facilitator when they take
 * part as a member. Ordered as the meeting's round goes, then as the set lists them.
 */
export function cardHolders(
  members: readonly Membership[],
  meeting: MeetingState | null,
): Membership[] {
  const holders = activeMembers(members).filter(
    (member) => member.role === 'member' || meeting?.facilitatorTakesPart === true,
  );
  const order = meeting?.round?.order ?? meeting?.roster.map((entry) => entry.personId) ?? [];
  const rank = (personId: string): number => {
    const index = order.indexOf(personId);
    return index === -1 ? order.length : index;
  };
  return holders
    .map((member, index) => ({ member, index }))
    .sort((a, b) => rank(a.member.person.id) - rank(b.member.person.id) || a.index - b.index)
    .map(({ member }) => member);
}

/** Whose turn it is in the round now, or null outside the round. */
export function onTurnNow(meeting: MeetingState | null, root: RoundCardRoot): string | null {
  const phase = root === 'expectations' ? 'expectations_round' : 'check_in';
  if (!meeting || meeting.phase !== phase || !meeting.round) return null;
  return meeting.round.order[meeting.round.index] ?? null;
}

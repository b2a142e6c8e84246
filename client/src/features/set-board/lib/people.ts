import type { Membership, SetView } from '@setboard/shared';

/** A person's name as the set knows it; people who have left keep a plain description. */
export function nameIn(set: SetView, personId: string): string {
  return (
    set.members.find((member) => member.person.id === personId)?.person.name ??
    'Someone who has left the set'
  );
}

/** The people in the set now (members and facilitator), in the set's order. */
export function activePeople(set: SetView): Membership[] {
  return set.members.filter((member) => member.status === 'active');
}

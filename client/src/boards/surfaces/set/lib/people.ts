import { activeMembers, type Membership, type SetView } from '@setboard/shared';
import { setNameOf } from '../../../../ui/set-names';

/**
 * A person's name as the set knows it (with their organisation when another person in the set
 * shares the name); people who have left keep a plain description.
 */
export function nameIn(set: SetView, personId: string): string {
  return setNameOf(set)(personId);
}

/** The people in the set now (members and facilitator), in the set's order. */
export function activePeople(set: SetView): Membership[] {
  return activeMembers(set.members);
}

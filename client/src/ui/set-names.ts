import { distinctNames, type SetView } from '@setboard/shared';

/** What pages say for someone who has left the set since. */
export const LEFT_THE_SET = 'Someone who has left the set';

/**
 * How pages name the set's people from their ids: the name, with the organisation beside it
 * when two people in the set share a name (`distinctNames`), or `fallback` for someone no
 * longer listed.
 */
export function setNameOf(set: SetView, fallback = LEFT_THE_SET): (personId: string) => string {
  const names = distinctNames(set.members.map((member) => member.person));
  return (personId) => names.get(personId) ?? fallback;
}

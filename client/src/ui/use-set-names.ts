import type { SetView } from '@setboard/shared';
import { useCallback } from 'react';

/**
 * How pages name the set's people from their ids: "Pat Jones", "Pat Jones (you)", and a kind
 * placeholder for someone who has left the set since.
 */
export function useSetNames(set: SetView, selfId: string): (personId: string) => string {
  return useCallback(
    (personId: string) => {
      const name = set.members.find((member) => member.person.id === personId)?.person.name;
      if (personId === selfId) return `${name ?? 'You'} (you)`;
      return name ?? 'Someone who has left the set';
    },
    [set, selfId],
  );
}

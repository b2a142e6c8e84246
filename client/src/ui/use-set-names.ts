import type { SetView } from '@setboard/shared';
import { useMemo } from 'react';
import { setNameOf } from './set-names';

/**
 * How pages name the set's people from their ids: "Pat Jones", "Pat Jones (you)", "Pat Jones
 * (Leeds Teaching Hospitals)" when two people in the set share the name, and a kind placeholder
 * for someone who has left the set since.
 */
export function useSetNames(set: SetView, selfId: string): (personId: string) => string {
  return useMemo(() => {
    const nameOf = setNameOf(set, '');
    return (personId: string) => {
      const name = nameOf(personId);
      if (personId === selfId) return `${name || 'You'}${YOU_SUFFIX}`;
      return name || 'Someone who has left the set';
    };
  }, [set, selfId]);
}

/** What `useSetNames` adds to the reader's own name. */
const YOU_SUFFIX = ' (you)';

/**
 * A name from `useSetNames` as an owner: "Your" for the reader's own ("Amira Khan (you)'s"
 * reads badly), "Amira Khan’s" for anyone else's.
 */
export function possessive(name: string): string {
  return name.endsWith(YOU_SUFFIX) ? 'Your' : `${name}’s`;
}

/** Whether a name from `useSetNames` is the reader's own. */
export function isReader(name: string): boolean {
  return name.endsWith(YOU_SUFFIX);
}

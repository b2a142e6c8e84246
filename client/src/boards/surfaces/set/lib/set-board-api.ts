import type { DocName } from '@setboard/shared';

/** The set's own board (`docs/protocol.md`: `set:<setId>`). */
export function setDocName(setId: string): DocName {
  return `set:${setId}`;
}

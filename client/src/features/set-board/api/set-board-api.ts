import { type DocName, SetView } from '@setboard/shared';

/** `GET /api/sets/:setId`: the set's people (for names), meetings and role. */
export const SetBoardSetReply = SetView;

export function setBoardSetPath(setId: string): string {
  return `/api/sets/${encodeURIComponent(setId)}`;
}

/** The set's own board (`docs/protocol.md`: `set:<setId>`). */
export function setDocName(setId: string): DocName {
  return `set:${setId}`;
}

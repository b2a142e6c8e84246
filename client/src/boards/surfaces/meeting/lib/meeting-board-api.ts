import type { DocName } from '@setboard/shared';

/** A meeting's board (`docs/protocol.md`: `meeting:<meetingId>`). */
export function meetingDocName(meetingId: string): DocName {
  return `meeting:${meetingId}`;
}

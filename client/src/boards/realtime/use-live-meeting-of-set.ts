import { type MeetingState, type SetView, meetingIdOf } from '@setboard/shared';
import { useMemo } from 'react';
import { useMeetingStates } from '../records/use-meeting-states';
import { liveMeetingAmong } from './board-context';

/**
 * The set's meeting that is running now, if any: what governs writes to the set's own board.
 * Follows each planned meeting (`useMeetingStates`: subscribed again after reconnects and when a
 * meeting is opened); meetings not opened yet count as not running. Null subscribes to nothing.
 */
export function useLiveMeetingOfSet(set: SetView | null): MeetingState | null {
  const meetingIds = useMemo(
    () => (set ? set.meetings.map((_, index) => meetingIdOf(set.id, index)) : []),
    [set],
  );
  const statuses = useMeetingStates(meetingIds);
  return liveMeetingAmong(statuses.map((status) => (status.kind === 'open' ? status.state : null)));
}

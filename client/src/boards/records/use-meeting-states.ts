import type { MeetingState } from '@setboard/shared';
import { useEffect, useState } from 'react';
import { useRealtime } from '../../realtime/realtime-context';
import { followMeetings } from '../../live-meeting/meeting-subscription';

/** What a page knows of one planned meeting. */
export type MeetingStatus =
  | { kind: 'loading' }
  | { kind: 'not_open' }
  | { kind: 'unavailable' }
  | { kind: 'open'; version: number; state: MeetingState };

const LOADING: MeetingStatus = { kind: 'loading' };

function newer(current: MeetingStatus | undefined, version: number, state: MeetingState) {
  if (current?.kind === 'open' && current.version >= version) return current;
  return { kind: 'open', version, state } as const;
}

/**
 * The state of each meeting in `ids` that has been opened (its slots, its phase and round),
 * followed with `followMeetings` (the same primitive as the room's `useMeeting`), keeping the
 * newest version of each (M5). In the order of `ids`.
 */
export function useMeetingStates(ids: readonly string[]): MeetingStatus[] {
  const { socket } = useRealtime();
  const [states, setStates] = useState<Record<string, MeetingStatus>>({});
  const idsKey = ids.join(' ');

  useEffect(() => {
    const meetingIds = idsKey === '' ? [] : idsKey.split(' ');
    const put = (meetingId: string, next: (current?: MeetingStatus) => MeetingStatus) =>
      setStates((current) => ({ ...current, [meetingId]: next(current[meetingId]) }));
    return followMeetings(socket, meetingIds, (meetingId, notice) => {
      if (notice.kind === 'snapshot')
        put(meetingId, (old) => newer(old, notice.version, notice.state));
      else if (notice.kind === 'not_open') put(meetingId, () => ({ kind: 'not_open' }));
      else if (notice.kind === 'refused') put(meetingId, () => ({ kind: 'unavailable' }));
      // No answer: keep what we knew.
      else put(meetingId, (old) => old ?? { kind: 'unavailable' });
    });
  }, [socket, idsKey]);

  return ids.map((meetingId) => states[meetingId] ?? LOADING);
}

import { ErrorCode, type MeetingChanged, type MeetingState } from '@setboard/shared';
import { useEffect, useState } from 'react';
import { useRealtime } from '../../realtime/realtime-context';
import { sendCommand } from '../../realtime/socket';

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
 * The state of each meeting in `ids` that has been opened (its slots, its phase and round). It
 * follows `meeting:changed` and `meeting:opened` (M10), asks again after every reconnect (M4),
 * and keeps the newest version of each (M5). In the order of `ids`.
 */
export function useMeetingStates(ids: readonly string[]): MeetingStatus[] {
  const { socket } = useRealtime();
  const [states, setStates] = useState<Record<string, MeetingStatus>>({});
  const idsKey = ids.join(' ');

  useEffect(() => {
    let stale = false;
    const meetingIds = idsKey === '' ? [] : idsKey.split(' ');
    const put = (meetingId: string, next: (current?: MeetingStatus) => MeetingStatus) =>
      setStates((current) => ({ ...current, [meetingId]: next(current[meetingId]) }));

    const subscribe = (meetingId: string): void => {
      sendCommand(socket, 'meeting:subscribe', { meetingId }).then(
        (result) => {
          if (stale) return;
          if (result.ok)
            put(meetingId, (old) => newer(old, result.data.version, result.data.state));
          else if (result.error.code === ErrorCode.notFound)
            put(meetingId, () => ({ kind: 'not_open' }));
          else put(meetingId, () => ({ kind: 'unavailable' }));
        },
        () => {
          if (!stale) put(meetingId, (old) => old ?? { kind: 'unavailable' });
        },
      );
    };
    const subscribeAll = (): void => meetingIds.forEach(subscribe);
    // A meeting opened after we asked: subscribe now, so its slots and phase show at once.
    const onOpened = ({ meetingId }: { meetingId: string }): void => {
      if (meetingIds.includes(meetingId)) subscribe(meetingId);
    };
    const onChanged = (fact: MeetingChanged): void => {
      if (meetingIds.includes(fact.meetingId)) {
        put(fact.meetingId, (old) => newer(old, fact.version, fact.state));
      }
    };
    socket.on('meeting:changed', onChanged);
    socket.on('meeting:opened', onOpened);
    socket.on('connect', subscribeAll);
    if (socket.connected) subscribeAll();
    return () => {
      stale = true;
      socket.off('meeting:changed', onChanged);
      socket.off('meeting:opened', onOpened);
      socket.off('connect', subscribeAll);
    };
  }, [socket, idsKey]);

  return ids.map((meetingId) => states[meetingId] ?? LOADING);
}

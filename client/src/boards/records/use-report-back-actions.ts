import { MeetingActions, type PresenterActions } from '@setboard/shared';
import { useEffect } from 'react';
import { useApiGet } from '../../api/use-api-get';
import { useRealtime } from '../../realtime/realtime-context';

/** `GET /api/sets/:setId/meetings/:meetingIndex/actions`. */
export function meetingActionsPath(setId: string, meetingIndex: number): string {
  return `/api/sets/${encodeURIComponent(setId)}/meetings/${meetingIndex}/actions`;
}

export interface ReportBackData {
  /** The meeting the actions were made in, or null when there is none (a first meeting). */
  fromMeetingIndex: number | null;
  /** One presenter's actions, or an empty list when they presented nothing then. */
  of: (personId: string) => PresenterActions['actions'];
  presenters: readonly PresenterActions[];
  loading: boolean;
  problem: string | null;
}

/**
 * The actions each presenter took away from the meeting at `fromMeetingIndex` (null: none),
 * with their status now: what they report back on at the next check-in (the meeting board's
 * and the room's report-back cards, the set page). It refreshes whenever someone in the set
 * changes an action between meetings (`actions:changed`).
 */
export function useMeetingActions(setId: string, fromMeetingIndex: number | null): ReportBackData {
  const path = fromMeetingIndex === null ? null : meetingActionsPath(setId, fromMeetingIndex);
  const { result, reload } = useApiGet(path ?? meetingActionsPath(setId, 0), MeetingActions);
  const { socket } = useRealtime();
  useEffect(() => {
    const onChanged = (fact: { setId: string }) => {
      if (fact.setId === setId) reload();
    };
    socket.on('actions:changed', onChanged);
    return () => {
      socket.off('actions:changed', onChanged);
    };
  }, [socket, setId, reload]);
  const data = path !== null && result.state === 'ready' ? result.data : null;
  const presenters = data?.presenters ?? [];
  return {
    fromMeetingIndex,
    presenters,
    of: (personId) =>
      presenters
        .filter((presenter) => presenter.personId === personId)
        .flatMap((presenter) => presenter.actions),
    loading: path !== null && result.state === 'loading',
    problem: path !== null && result.state === 'failed' ? result.error.message : null,
  };
}

/** At meeting `meetingIndex`'s check-in: the actions from the meeting before it. */
export function useReportBackActions(setId: string, meetingIndex: number): ReportBackData {
  return useMeetingActions(setId, meetingIndex > 0 ? meetingIndex - 1 : null);
}

import {
  MEETING_ERROR_MESSAGES,
  type AckError,
  type MeetingCommand,
  type MeetingEvent,
  type MeetingState,
} from '@setboard/shared';
import { useCallback, useEffect, useState } from 'react';
import { useRealtime } from '../realtime/realtime-context';
import { describeCommandFailure, sendCommand } from '../realtime/socket';
import { clockOffsetMs } from './countdown';
import { followMeetings } from './meeting-subscription';

/** The newest state this page has seen, and how far the server's clock is from ours. */
export interface LiveMeeting {
  version: number;
  state: MeetingState;
  offsetMs: number;
}

export type MeetingView =
  | { kind: 'loading' }
  | { kind: 'not_open' }
  | { kind: 'failed'; message: string }
  | { kind: 'live'; meeting: LiveMeeting };

/** Events of the newest change, numbered so the same words can be announced twice. */
export interface MeetingNews {
  serial: number;
  events: MeetingEvent[];
  state: MeetingState;
}

/** A sentence a person can act on for a refused or failed command. */
export function describeRefusal(error: AckError): string {
  return error.code in MEETING_ERROR_MESSAGES
    ? MEETING_ERROR_MESSAGES[error.code as keyof typeof MEETING_ERROR_MESSAGES]
    : error.message;
}

/** Keeps the snapshot with the highest version (M5): changes may arrive out of order. */
function newer(view: MeetingView, incoming: LiveMeeting): MeetingView {
  if (view.kind === 'live' && view.meeting.version >= incoming.version) return view;
  return { kind: 'live', meeting: incoming };
}

/**
 * Follows one meeting (`followMeetings`: subscribed again after every reconnect, M4, and when the
 * facilitator opens it, M10), and sends commands with the version they were chosen against.
 */
export function useMeeting(meetingId: string) {
  const { socket } = useRealtime();
  const [view, setView] = useState<MeetingView>({ kind: 'loading' });
  const [news, setNews] = useState<MeetingNews | null>(null);
  const [subscriptions, setSubscriptions] = useState(0);

  const accept = useCallback(
    (version: number, state: MeetingState, serverNow: number) =>
      setView((current) =>
        newer(current, { version, state, offsetMs: clockOffsetMs(serverNow, Date.now()) }),
      ),
    [],
  );

  useEffect(
    () =>
      followMeetings(socket, [meetingId], (_id, notice) => {
        switch (notice.kind) {
          case 'snapshot':
            accept(notice.version, notice.state, notice.serverNow);
            if (notice.events && notice.events.length > 0) {
              const { events, state } = notice;
              setNews((previous) => ({ serial: (previous?.serial ?? 0) + 1, events, state }));
            }
            return;
          case 'not_open':
            return setView({ kind: 'not_open' });
          case 'refused':
            return setView({ kind: 'failed', message: describeRefusal(notice.error) });
          case 'failed':
            return setView({ kind: 'failed', message: describeCommandFailure(notice.error) });
        }
      }),
    // `subscriptions` changes when the page asks to subscribe again.
    [socket, meetingId, accept, subscriptions],
  );

  /** Sends one command; resolves with a sentence when it was refused, or null. */
  const issue = useCallback(
    async (command: MeetingCommand, expectedVersion: number): Promise<string | null> => {
      try {
        const result = await sendCommand(socket, 'meeting:command', {
          meetingId,
          command,
          expectedVersion,
        });
        if (!result.ok) return describeRefusal(result.error);
        accept(result.data.version, result.data.state, result.data.serverNow);
        return null;
      } catch (error) {
        return describeCommandFailure(error);
      }
    },
    [socket, meetingId, accept],
  );

  /** Asks the server again, e.g. once the facilitator has opened the room. */
  const resubscribe = useCallback(() => setSubscriptions((count) => count + 1), []);

  return { view, news, issue, resubscribe };
}

import {
  ErrorCode,
  MEETING_ERROR_MESSAGES,
  type AckError,
  type MeetingChanged,
  type MeetingCommand,
  type MeetingEvent,
  type MeetingState,
} from '@setboard/shared';
import { useCallback, useEffect, useState } from 'react';
import { useRealtime } from '../realtime/realtime-context';
import { CommandTimeoutError, sendCommand } from '../realtime/socket';
import { clockOffsetMs } from './countdown';

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

function describeFailure(error: unknown): string {
  return error instanceof CommandTimeoutError
    ? 'The server did not answer. Check your connection, then try again.'
    : 'Something went wrong. Try again.';
}

/** Keeps the snapshot with the highest version (M5): changes may arrive out of order. */
function newer(view: MeetingView, incoming: LiveMeeting): MeetingView {
  if (view.kind === 'live' && view.meeting.version >= incoming.version) return view;
  return { kind: 'live', meeting: incoming };
}

/**
 * Subscribes to a meeting (and again after every reconnect, M4, and when the facilitator opens
 * it, M10), follows `meeting:changed`, and sends commands with the version they were chosen
 * against.
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

  useEffect(() => {
    let stale = false;
    const subscribe = (): void => {
      sendCommand(socket, 'meeting:subscribe', { meetingId }).then(
        (result) => {
          if (stale) return;
          if (result.ok) accept(result.data.version, result.data.state, result.data.serverNow);
          else if (result.error.code === ErrorCode.notFound) setView({ kind: 'not_open' });
          else setView({ kind: 'failed', message: describeRefusal(result.error) });
        },
        (error: unknown) => {
          if (!stale) setView({ kind: 'failed', message: describeFailure(error) });
        },
      );
    };
    const onChanged = (fact: MeetingChanged): void => {
      if (fact.meetingId !== meetingId) return;
      accept(fact.version, fact.state, fact.serverNow);
      if (fact.events.length > 0) {
        setNews((previous) => ({
          serial: (previous?.serial ?? 0) + 1,
          events: fact.events,
          state: fact.state,
        }));
      }
    };
    // Someone waiting for the room gets in once the facilitator opens it (M10).
    const onOpened = (fact: { meetingId: string }): void => {
      if (fact.meetingId === meetingId) subscribe();
    };
    socket.on('meeting:changed', onChanged);
    socket.on('meeting:opened', onOpened);
    socket.on('connect', subscribe);
    if (socket.connected) subscribe();
    return () => {
      stale = true;
      socket.off('meeting:changed', onChanged);
      socket.off('meeting:opened', onOpened);
      socket.off('connect', subscribe);
    };
  }, [socket, meetingId, accept, subscriptions]);

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
        return describeFailure(error);
      }
    },
    [socket, meetingId, accept],
  );

  /** Asks the server again, e.g. once the facilitator has opened the room. */
  const resubscribe = useCallback(() => setSubscriptions((count) => count + 1), []);

  return { view, news, issue, resubscribe };
}

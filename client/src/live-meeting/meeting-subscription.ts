/**
 * The one way a page follows live meetings: subscribe (and again after every reconnect, M4, and
 * when the facilitator opens the meeting, M10), then follow `meeting:changed`. `useMeeting` (the
 * room) and `useMeetingStates` (boards and set pages) are both built on this.
 */
import {
  ErrorCode,
  type AckError,
  type MeetingChanged,
  type MeetingEvent,
  type MeetingState,
} from '@setboard/shared';
import { type AppSocket, sendCommand } from '../realtime/socket';

/** What a subscription hears about one meeting. */
export type MeetingNotice =
  /** A full state: the subscribe reply (`events` null) or a broadcast change. */
  | {
      kind: 'snapshot';
      version: number;
      state: MeetingState;
      serverNow: number;
      events: MeetingEvent[] | null;
    }
  /** The meeting has not been opened yet. */
  | { kind: 'not_open' }
  /** The server refused the subscription (not a member, say). */
  | { kind: 'refused'; error: AckError }
  /** No answer (timed out) or the connection failed. */
  | { kind: 'failed'; error: unknown };

/**
 * Follows `meetingIds` on `socket`, telling `listener` everything heard about each. Returns the
 * function that stops following (nothing is told after it is called).
 */
export function followMeetings(
  socket: AppSocket,
  meetingIds: readonly string[],
  listener: (meetingId: string, notice: MeetingNotice) => void,
): () => void {
  let stopped = false;
  const tell = (meetingId: string, notice: MeetingNotice) => {
    if (!stopped) listener(meetingId, notice);
  };
  const subscribe = (meetingId: string): void => {
    sendCommand(socket, 'meeting:subscribe', { meetingId }).then(
      (result) => {
        if (result.ok) {
          const { version, state, serverNow } = result.data;
          tell(meetingId, { kind: 'snapshot', version, state, serverNow, events: null });
        } else if (result.error.code === ErrorCode.notFound) tell(meetingId, { kind: 'not_open' });
        else tell(meetingId, { kind: 'refused', error: result.error });
      },
      (error: unknown) => tell(meetingId, { kind: 'failed', error }),
    );
  };
  const subscribeAll = (): void => meetingIds.forEach(subscribe);
  const onChanged = (fact: MeetingChanged): void => {
    if (!meetingIds.includes(fact.meetingId)) return;
    const { version, state, serverNow, events } = fact;
    tell(fact.meetingId, { kind: 'snapshot', version, state, serverNow, events });
  };
  // Someone waiting for the room gets in once the facilitator opens it (M10).
  const onOpened = ({ meetingId }: { meetingId: string }): void => {
    if (meetingIds.includes(meetingId)) subscribe(meetingId);
  };
  socket.on('meeting:changed', onChanged);
  socket.on('meeting:opened', onOpened);
  socket.on('connect', subscribeAll);
  if (socket.connected) subscribeAll();
  return () => {
    stopped = true;
    socket.off('meeting:changed', onChanged);
    socket.off('meeting:opened', onOpened);
    socket.off('connect', subscribeAll);
  };
}

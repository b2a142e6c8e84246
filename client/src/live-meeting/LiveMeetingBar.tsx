import { type MeetingState, currentSlot, isLive } from '@setboard/shared';
import { Link } from 'react-router';
import { PHASE_LABELS, STAGE_LABELS } from './meeting-labels';
import { describeDuration, formatClock, remainingAt, secondsLeft } from './countdown';
import { useNow } from './use-now';

interface LiveMeetingBarProps {
  state: MeetingState | null;
  /** How far the server's clock is from this device's (0 when not known). */
  offsetMs: number;
  nameOf: (personId: string) => string;
  /** The meeting room, for the link. */
  roomPath: string;
}

/**
 * On a board page while its meeting is live: where the meeting is, the time left, who has the
 * floor and whose hands are up, and the way back to the room. Nothing when no meeting is live.
 */
export function LiveMeetingBar({ state, offsetMs, nameOf, roomPath }: LiveMeetingBarProps) {
  const live = state !== null && isLive(state);
  const now = useNow(live && state.timer?.endsAt !== null, 1000);
  if (!live) return null;
  const slot = currentSlot(state);
  const where = slot?.stage
    ? `${PHASE_LABELS.slot}: ${STAGE_LABELS[slot.stage]}`
    : PHASE_LABELS[state.phase];
  const remaining = remainingAt(state, offsetMs, now);
  const seconds = remaining === null ? null : secondsLeft(remaining);
  const { floor, hands } = state.queue;
  return (
    <aside
      className="nhsuk-inset-text app-live-bar"
      aria-label="The meeting now"
      data-testid="live-meeting-bar"
    >
      <p className="nhsuk-body-s">
        <strong>The meeting is live:</strong> {where}
        {state.pausedAt !== null && ' (time out)'}.{' '}
        {seconds !== null && (
          <>
            {seconds < 0 ? 'Over time by ' : 'Time left '}
            <span
              role="timer"
              aria-label={describeDuration(seconds)}
              data-testid="live-bar-countdown"
            >
              {formatClock(seconds)}
            </span>
            .{' '}
          </>
        )}
        <span data-testid="live-bar-floor">
          Has the floor: {floor ? nameOf(floor.personId) : 'nobody'}.
        </span>{' '}
        {hands.length > 0 && <>Hands up: {hands.map((id) => nameOf(id)).join(', ')}. </>}
        <Link to={roomPath}>Go to the meeting room</Link>
      </p>
    </aside>
  );
}

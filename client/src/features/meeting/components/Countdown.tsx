import { useState } from 'react';
import { useNow } from '../../../live-meeting/use-now';
import type { LiveMeeting } from '../../../live-meeting/use-meeting';
import {
  describeDuration,
  formatClock,
  remainingAt,
  secondsLeft,
} from '../../../live-meeting/countdown';

/**
 * Time left on the current stage or turn, from the server's deadline corrected by the clock
 * offset. It is a `timer` (not live), so screen readers do not hear every second; the warnings
 * are announced by the room's one live region instead. People can hide it.
 */
export function Countdown({ meeting }: { meeting: LiveMeeting }) {
  const [hidden, setHidden] = useState(false);
  const { state, offsetMs } = meeting;
  const running = state.timer !== null && state.timer.endsAt !== null;
  const now = useNow(running && !hidden);
  const remaining = remainingAt(state, offsetMs, now);

  if (remaining === null) {
    return (
      <p className="nhsuk-body app-countdown" data-testid="countdown-untimed">
        Nothing is being timed at the moment.
      </p>
    );
  }
  const seconds = secondsLeft(remaining);
  const over = seconds < 0;
  const paused = state.timer?.remainderMs !== null;
  return (
    <div className="app-countdown">
      {hidden ? (
        <p className="nhsuk-body app-countdown__hidden">The countdown is hidden.</p>
      ) : (
        <p className="app-countdown__line">
          <span className="app-countdown__label">
            {over ? 'Over time by' : paused ? 'Time out. Time left' : 'Time left'}
          </span>{' '}
          <span
            className={`app-countdown__clock${over || seconds <= 30 ? ' app-countdown__clock--urgent' : ''}`}
            role="timer"
            aria-label={describeDuration(seconds)}
            data-testid="countdown"
          >
            {formatClock(seconds)}
          </span>
        </p>
      )}
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-countdown__toggle"
        onClick={() => setHidden((value) => !value)}
      >
        {hidden ? 'Show the countdown' : 'Hide the countdown'}
      </button>
    </div>
  );
}

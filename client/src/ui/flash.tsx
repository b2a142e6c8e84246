import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/** Navigation state a page passes to the next one to confirm what just happened. */
export interface FlashState {
  flash: string;
}

export function flashState(message: string): FlashState {
  return { flash: message };
}

function readFlash(state: unknown): string | null {
  if (typeof state !== 'object' || state === null) return null;
  const flash: unknown = (state as { flash?: unknown }).flash;
  return typeof flash === 'string' ? flash : null;
}

/**
 * NHS.UK success banner for the message the previous page passed on, if any. It says so once:
 * the message is taken out of the history entry as soon as it is shown, so a reload (or coming
 * back to the page later) does not announce the same success again.
 */
export function FlashBanner() {
  const location = useLocation();
  const navigate = useNavigate();
  const incoming = readFlash(location.state);
  const [shown, setShown] = useState<string | null>(incoming);
  // A new message arriving on the same page replaces the one shown (adjusted while rendering).
  if (incoming !== null && incoming !== shown) setShown(incoming);

  useEffect(() => {
    if (incoming === null) return;
    // Same address, no state: focus and scroll stay where they are (they follow the path).
    void navigate(
      { pathname: location.pathname, search: location.search, hash: location.hash },
      { replace: true, state: null, preventScrollReset: true },
    );
  }, [incoming, navigate, location.pathname, location.search, location.hash]);

  if (!shown) return null;
  return (
    <div
      className="nhsuk-notification-banner nhsuk-notification-banner--success"
      role="status"
      aria-labelledby="flash-title"
      data-testid="flash"
    >
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id="flash-title">
          Success
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <p className="nhsuk-notification-banner__heading">{shown}</p>
      </div>
    </div>
  );
}

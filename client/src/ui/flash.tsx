import { useLocation } from 'react-router';

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

/** NHS.UK success banner for the message the previous page passed on, if any. */
export function FlashBanner() {
  const flash = readFlash(useLocation().state);
  if (!flash) return null;
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
        <p className="nhsuk-notification-banner__heading">{flash}</p>
      </div>
    </div>
  );
}

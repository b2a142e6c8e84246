import { useSyncExternalStore } from 'react';
import './connection-status.css';
import { describeConnection, isQuietConnection } from './describe-connection';
import { useRealtime } from './realtime-context';
import { useBrowserOnline } from './use-browser-online';

/**
 * The page's one connection indicator: a small line (a dot and a few words) at the top of the
 * page, announced politely by screen readers (WCAG 4.1.3), plus any notice the server has sent to
 * everyone. It speaks for the socket and every document the page has open, so boards show no
 * status of their own. On pages without a live document it stays out of sight (and silent) until
 * there is something to say.
 */
export function ConnectionStatus() {
  const { connection } = useRealtime();
  const snapshot = useSyncExternalStore(connection.subscribe, connection.getSnapshot);
  const online = useBrowserOnline();
  const summary = describeConnection(snapshot.socket, [...snapshot.docs.values()], online);
  const notice = snapshot.notice;
  const quiet = isQuietConnection(summary, snapshot.docs.size, notice !== null);

  return (
    <div
      className={
        quiet
          ? 'nhsuk-u-visually-hidden'
          : `app-connection-indicator app-connection-indicator--${summary.tone}`
      }
      data-testid="connection-indicator"
      data-tone={summary.tone}
    >
      {/* The live region is always rendered so that changes to it are announced. */}
      <div role="status" aria-live="polite" aria-atomic="true" data-testid="connection-status">
        <p className="nhsuk-body-s app-connection-indicator__line">
          {!quiet && <span className="app-connection-indicator__dot" aria-hidden="true" />}
          <span data-testid="connection-message">{quiet ? '' : summary.message}</span>
        </p>
        {notice && (
          <p className="nhsuk-body-s app-connection-indicator__notice" data-testid="server-notice">
            {notice.message}
          </p>
        )}
      </div>
      {summary.needsReload && (
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
          onClick={() => window.location.reload()}
        >
          Reload page
        </button>
      )}
      {notice?.kind === 'announcement' && (
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
          onClick={() => connection.setNotice(null)}
        >
          Dismiss notice
        </button>
      )}
    </div>
  );
}

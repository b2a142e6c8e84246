import { useSyncExternalStore } from 'react';
import { describeConnection, isQuietConnection } from './describe-connection';
import { useRealtime } from './realtime-context';

/**
 * One plain-words line about the connection, announced politely by screen readers
 * (WCAG 4.1.3), plus any notice the server has sent to everyone. On pages without a live
 * document it stays out of sight (and silent) until there is something to say.
 */
export function ConnectionStatus() {
  const { connection } = useRealtime();
  const snapshot = useSyncExternalStore(connection.subscribe, connection.getSnapshot);
  const summary = describeConnection(snapshot.socket, [...snapshot.docs.values()]);
  const notice = snapshot.notice;
  const quiet = isQuietConnection(summary, snapshot.docs.size, notice !== null);

  return (
    <div
      className={
        quiet ? 'nhsuk-u-visually-hidden' : `app-connection app-connection--${summary.tone}`
      }
    >
      {/* The live region is always rendered so that changes to it are announced. */}
      <div role="status" aria-live="polite" aria-atomic="true" data-testid="connection-status">
        <p className="app-connection__message" data-testid="connection-message">
          {quiet ? '' : summary.message}
        </p>
        {notice && (
          <p className="app-connection__notice" data-testid="server-notice">
            {notice.message}
          </p>
        )}
      </div>
      {summary.needsReload && (
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-connection__reload"
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

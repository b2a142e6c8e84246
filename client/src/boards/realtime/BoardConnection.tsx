import type { YjsStatus } from '../../realtime/yjs-provider';
import { describeYjsClose } from '../../realtime/yjs-provider';

/** The words a person sees beside a board whose connection is down. */
export const BOARD_OFFLINE_MESSAGE = 'Offline — your changes will sync when you reconnect';

/** What to say about a board's connection, or null when there is nothing to say. */
export function boardConnectionMessage(status: YjsStatus): string | null {
  if (status.kind === 'offline') return BOARD_OFFLINE_MESSAGE;
  if (status.kind === 'closed') return describeYjsClose(status.code);
  return null;
}

/**
 * Says, beside the board, when its connection is down. Only words: nothing here stops anyone
 * typing, because Yjs keeps offline changes and sends them once the connection is back.
 * The live region is always rendered, so the change is announced (politely).
 */
export function BoardConnection({ status }: { status: YjsStatus }) {
  const message = boardConnectionMessage(status);
  return (
    <div role="status" aria-live="polite" aria-atomic="true">
      {message && (
        <p
          className={`app-board-connection app-board-connection--${status.kind}`}
          data-testid="board-connection"
        >
          {message}
        </p>
      )}
    </div>
  );
}

/**
 * The port boards use to change a board as the server (a question put with "Ask", an action's
 * status from My actions, words kept in a learning log). The realtime layer provides it: the
 * change is stored before anyone sees it, then sent to everyone with the board open.
 */
import type * as Y from 'yjs';

export interface ServerDocWriter {
  /** Runs `change` on the board `docName`; resolves with its result once stored and sent. */
  writeAsServer<T>(docName: string, change: (doc: Y.Doc) => T): Promise<T>;
  /**
   * Rewrites the board's stored log as one snapshot now, so words removed on purpose (a question
   * its author withdrew) no longer lie in the older updates.
   */
  compactNow(docName: string): Promise<void>;
}

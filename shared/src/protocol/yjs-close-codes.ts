/**
 * WebSocket close codes the `/yjs` endpoint uses (rule ids in docs/protocol.md).
 *
 * y-websocket 3.1 treats 4400–4499 as permanent (no reconnect; the provider emits `closed`) and
 * every other code as transient (reconnect with back-off, then a full re-sync).
 */
export const YjsCloseCode = {
  /** Transient: the server is restarting or shutting down; reconnect. (RFC 6455 1012) */
  serviceRestart: 1012,
  /** Transient: the update could not be placed (would stay pending); reconnect and re-sync. */
  outOfSync: 4009,
  /** Permanent: the message could not be decoded, or used an unsupported encoding (V2). */
  malformed: 4400,
  /** Permanent: nobody is signed in (or the session ended); sign in again. */
  unauthenticated: 4401,
  /** Permanent: not allowed to open this document. */
  forbidden: 4403,
  /** Permanent: no such document. */
  notFound: 4404,
  /**
   * Permanent: the document was rebuilt on the server (an erasure or a repair, docs/privacy.md):
   * the copy this connection synced is out of date for good. Drop the local copy and load the
   * document afresh; never send the old one back (Y14).
   */
  rebuilt: 4410,
  /** Permanent: a message was larger than the server accepts. */
  tooLarge: 4413,
  /**
   * Permanent: the board has reached its size limit (Y22); nothing more is taken until the
   * facilitator rebuilds it. The page keeps what was typed so it can be copied.
   */
  boardFull: 4420,
  /** Permanent: this person has written as much to this board as one may in a day (Y22). */
  writeAllowanceUsed: 4421,
  /** Permanent: too many messages in a short time, or too much asked of the server. */
  rateLimited: 4429,
  /** Permanent: this person already has as many board connections open as one may (Y21). */
  tooManyConnections: 4430,
} as const;

export type YjsCloseCode = (typeof YjsCloseCode)[keyof typeof YjsCloseCode];

/** Whether y-websocket will stop reconnecting after this close code. */
export function isPermanentYjsClose(code: number): boolean {
  return code >= 4400 && code < 4500;
}

/** Largest single y-websocket message the server accepts, in bytes. */
export const MAX_YJS_MESSAGE_BYTES = 512 * 1024;

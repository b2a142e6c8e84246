/**
 * Error codes carried in `AckResult` failures and in Socket.IO handshake refusals.
 * Grouped by where they arise; the client maps each to a message a person can act on.
 */
export const ErrorCode = {
  /** The payload did not match the event's schema. */
  validation: 'validation',
  /** The client was built for another protocol version: reload the page. */
  protocolMismatch: 'protocol_mismatch',
  /** Nobody is signed in (or the session has ended). */
  unauthenticated: 'unauthenticated',
  /** The request was refused by policy (wrong role, wrong stage, not a member). */
  forbidden: 'forbidden',
  /** A state-changing request or handshake came from another site. */
  badOrigin: 'bad_origin',
  /** The link's time ran out. */
  linkExpired: 'link_expired',
  /** The link has been used already (links work once). */
  linkUsed: 'link_used',
  /** Whoever made the link has withdrawn it. */
  linkRevoked: 'link_revoked',
  /** No such link: mistyped, cut short or made up. */
  linkUnknown: 'link_unknown',
  /** The thing asked for does not exist (or the caller may not know it exists). */
  notFound: 'not_found',
  /** Someone else changed it first; reload and try again. */
  conflict: 'conflict',
  /**
   * Only the person may open this (their learning log, account settings), and this session began
   * with a link someone else issued: sign in with a passkey, an e-mailed link or a recovery code.
   */
  strongSignInNeeded: 'strong_sign_in_needed',
  /** Too many requests in a short time. */
  rateLimited: 'rate_limited',
  /** Something went wrong on the server; it has been logged. */
  internal: 'internal',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Handshake refusals: Socket.IO delivers these as `connect_error` with `data.code`. */
export const HandshakeErrorCode = {
  protocolMismatch: ErrorCode.protocolMismatch,
  unauthenticated: ErrorCode.unauthenticated,
} as const;

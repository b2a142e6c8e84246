import type { MeetingErrorCode } from '../domain/meeting/meeting-errors.js';
import type { ErrorCode } from './errors.js';
import type { QuestionErrorCode } from './questions.js';

/**
 * A failed acknowledgement's code: a transport-level `ErrorCode`, or, for `meeting:command`, the
 * meeting reducer's reason for refusing (`MeetingErrorCode`, e.g. `not_your_turn`).
 */
export type AckErrorCode = ErrorCode | MeetingErrorCode | QuestionErrorCode;

/** The error half of an acknowledgement: a stable code for programs, a sentence for people. */
export interface AckError {
  code: AckErrorCode;
  message: string;
  /** For `validation`: which fields were wrong and why (for `advice_held`: the check's reasons). */
  issues?: { path: string; message: string }[];
  /** For `rate_limited`: how long to wait before sending again, in milliseconds (C-rules). */
  retryAfterMs?: number;
}

/**
 * Every Socket.IO command is acknowledged with a value, never an exception:
 * `{ ok: true, data }` or `{ ok: false, error }`.
 */
export type AckResult<T> = { ok: true; data: T } | { ok: false; error: AckError };

/** Builds a successful acknowledgement. */
export function ackOk<T>(data: T): AckResult<T> {
  return { ok: true, data };
}

/** Builds a failed acknowledgement. */
export function ackError<T = never>(
  code: AckErrorCode,
  message: string,
  issues?: AckError['issues'],
): AckResult<T> {
  return { ok: false, error: issues ? { code, message, issues } : { code, message } };
}

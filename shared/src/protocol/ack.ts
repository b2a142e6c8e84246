import type { ErrorCode } from './errors.js';

/** The error half of an acknowledgement: a stable code for programs, a sentence for people. */
export interface AckError {
  code: ErrorCode;
  message: string;
  /** For `validation`: which fields were wrong and why. */
  issues?: { path: string; message: string }[];
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
  code: ErrorCode,
  message: string,
  issues?: AckError['issues'],
): AckResult<T> {
  return { ok: false, error: issues ? { code, message, issues } : { code, message } };
}

import type { ErrorCode } from '@setboard/shared';

/**
 * Codes an API call can fail with: the server's own (`ErrorCode`), or one of two the client
 * adds when there is no usable reply at all.
 */
export type ApiErrorCode =
  | ErrorCode
  /** The request never reached the server (offline, DNS, connection refused). */
  | 'offline'
  /** The server answered with something that is not what the API describes. */
  | 'bad_reply';

/** One field the server (or the client's own check) refused, with a dotted path. */
export interface FieldIssue {
  /** e.g. `meetings.0.endTime`, `profile.name`. */
  path: string;
  message: string;
}

/** A failed API call, typed: what went wrong (`code`), in words (`message`), and where. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  /** HTTP status; 0 when there was no reply. */
  readonly status: number;
  readonly issues: readonly FieldIssue[];

  constructor(code: ApiErrorCode, message: string, status: number, issues: FieldIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.issues = issues;
  }

  /** Whether the fault is on the server's side (or the way to it), not the request. */
  get isServiceProblem(): boolean {
    return (
      this.status >= 500 ||
      this.code === 'internal' ||
      this.code === 'offline' ||
      this.code === 'bad_reply'
    );
  }
}

/** Whatever was thrown, as an `ApiError` (unexpected errors count as a service problem). */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('bad_reply', error instanceof Error ? error.message : String(error), 0);
}

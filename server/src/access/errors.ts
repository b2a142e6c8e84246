import { ErrorCode } from '@setboard/shared';

/**
 * An expected refusal from the access layer: a status for HTTP, a code for programs, a sentence
 * for people. Route handlers throw it; the route layer turns it into the error body.
 */
export class AccessError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    /** For `validation`: what is wrong with which field, as the route layer reports it. */
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'AccessError';
  }
}

export const refuse = {
  invalid: (issues: { path: string; message: string }[]) =>
    new AccessError(400, ErrorCode.validation, 'Some of the details need correcting.', issues),
  unauthenticated: () =>
    new AccessError(401, ErrorCode.unauthenticated, 'Sign in to continue: use your sign-in link.'),
  forbidden: (message = 'You do not have permission to do that.') =>
    new AccessError(403, ErrorCode.forbidden, message),
  notFound: (what = 'That page') =>
    new AccessError(404, ErrorCode.notFound, `${what} could not be found.`),
  conflict: (message = 'Someone else changed this at the same time. Please try again.') =>
    new AccessError(409, ErrorCode.conflict, message),
  linkExpired: () =>
    new AccessError(410, ErrorCode.linkExpired, 'This link has expired. Ask for a new one.'),
  linkUsed: () =>
    new AccessError(410, ErrorCode.linkUsed, 'This link has already been used. Links work once.'),
  linkRevoked: () =>
    new AccessError(410, ErrorCode.linkRevoked, 'This link has been withdrawn. Ask for a new one.'),
  linkUnknown: () =>
    new AccessError(
      404,
      ErrorCode.linkUnknown,
      'This link is not recognised. Check you copied all of it, or ask for a new one.',
    ),
  rateLimited: (retryAfterMs: number) =>
    new AccessError(
      429,
      ErrorCode.rateLimited,
      `Too many attempts. Try again in ${Math.ceil(retryAfterMs / 60_000)} minute(s).`,
    ),
};

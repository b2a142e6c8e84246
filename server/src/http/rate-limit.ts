/**
 * Rate limits of the token-bearing routes (links, set-up, calendar feeds). Each request counts
 * against two budgets: its client address (`req.ip`: the peer itself unless TRUST_PROXY names
 * a proxy, so rotating `X-Forwarded-For` gains nothing) and the token it presents (hashed: the
 * store never holds a raw token). Many addresses cannot hammer one token, and one flooded
 * address does not use up a genuine invitee's budget elsewhere.
 */
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { refuse } from '../access/errors.js';
import type { AccessServices, RateLimitName } from '../access/services.js';

/** The token a request presents: a JSON body's `token`, or a calendar feed's file name. */
export function presentedToken(req: Request): string | null {
  const body = req.body as { token?: unknown } | undefined;
  if (typeof body?.token === 'string') return body.token;
  const file = req.params.file;
  return typeof file === 'string' ? file : null;
}

/** A store key for a token that reveals nothing of it. */
function tokenKey(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Counts the request against its address and its token; throws `rate_limited` when over. */
export async function enforceRateLimit(
  name: RateLimitName,
  req: Request,
  res: Response,
  services: AccessServices,
  actorId: string | undefined,
): Promise<void> {
  const token = presentedToken(req);
  const verdicts = await Promise.all([
    services.rateLimiters[name].consume(req.ip ?? 'unknown'),
    ...(token ? [services.tokenRateLimiters[name].consume(tokenKey(token))] : []),
  ]);
  const refused = verdicts.filter((verdict) => !verdict.allowed);
  if (refused.length === 0) return;
  const retryAfterMs = Math.max(...refused.map((verdict) => verdict.retryAfterMs));
  await services.audit.record({ action: 'rate_limited', actorId, detail: name });
  res.setHeader('Retry-After', Math.ceil(retryAfterMs / 1000));
  throw refuse.rateLimited(retryAfterMs);
}

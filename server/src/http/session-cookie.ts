/** Reading and writing the session cookie. httpOnly, SameSite=Lax, Secure over https. */
import type { Response } from 'express';
import { SESSION_COOKIE } from '@setboard/shared';

/** `maxAgeMs`: the session's absolute lifetime, so the browser keeps the cookie as long. */
export function setSessionCookie(
  res: Response,
  token: string,
  secure: boolean,
  maxAgeMs: number,
): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: maxAgeMs,
  });
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}

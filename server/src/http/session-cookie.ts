/** Reading and writing the session cookie. httpOnly, SameSite=Lax, Secure over https. */
import type { Response } from 'express';
import { SESSION_COOKIE } from '@setboard/shared';
import { SESSION_ABSOLUTE_MS } from '../access/sessions.js';

export function setSessionCookie(res: Response, token: string, secure: boolean): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: SESSION_ABSOLUTE_MS,
  });
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}

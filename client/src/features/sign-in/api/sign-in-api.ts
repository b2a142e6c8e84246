import { EmailSignInReply, SessionView } from '@setboard/shared';
import { apiRequest } from '../../../api/api-request';

export function signInWithLink(token: string): Promise<SessionView> {
  return apiRequest('POST', '/api/links/sign-in', { body: { token }, schema: SessionView });
}

/**
 * One request per token for the life of the page. A sign-in link works once, so a second
 * attempt (React StrictMode mounts effects twice in development) would always fail.
 */
const attempts = new Map<string, Promise<SessionView>>();

export function signInOnce(token: string): Promise<SessionView> {
  let attempt = attempts.get(token);
  if (!attempt) {
    attempt = signInWithLink(token);
    attempts.set(token, attempt);
  }
  return attempt;
}

/** "E-mail me a sign-in link": the same reply whether or not the address is known. */
export function emailMeALink(email: string): Promise<EmailSignInReply> {
  return apiRequest('POST', '/api/sign-in/email', { body: { email }, schema: EmailSignInReply });
}

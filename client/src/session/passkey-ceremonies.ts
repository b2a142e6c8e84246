/**
 * Passkey ceremonies in the browser, with `@simplewebauthn/browser`. The home and sign-in pages
 * import this module only when a person presses "Sign in with a passkey", so they stay light;
 * "Your account" and the offer after joining are loaded on demand themselves.
 */
import { startAuthentication, startRegistration } from '@simplewebauthn/browser';
import { CeremonyOptions, PasskeysReply, SessionView } from '@setboard/shared';
import { ApiError } from '../api/api-error';
import { apiRequest } from '../api/api-request';

/** What WebAuthn says when the prompt is closed, times out or finds nothing to offer. */
const CANCELLED = new Set(['NotAllowedError', 'AbortError']);

/** Turns a browser-side failure into a calm sentence; leaves the server's own refusals alone. */
function ceremonyError(error: unknown, cancelled: string): unknown {
  if (error instanceof ApiError) return error;
  const name = (error as { name?: unknown; cause?: { name?: unknown } } | null)?.cause?.name;
  const errorName = typeof name === 'string' ? name : (error as { name?: string } | null)?.name;
  if (errorName === 'InvalidStateError') {
    return new ApiError('conflict', 'This device already holds a passkey for your account.', 0);
  }
  if (errorName && CANCELLED.has(errorName)) return new ApiError('validation', cancelled, 0);
  return new ApiError(
    'validation',
    'Your device could not use a passkey just now. Please try again, or sign in another way.',
    0,
  );
}

/** Makes a passkey on this device and adds it to the signed-in person's account. */
export async function addPasskey(name: string): Promise<PasskeysReply> {
  const options = await apiRequest('POST', '/api/account/passkeys/options', {
    schema: CeremonyOptions,
  });
  let response: unknown;
  try {
    response = await startRegistration({ optionsJSON: options as never });
  } catch (error) {
    throw ceremonyError(error, 'No passkey was made. You can try again whenever you are ready.');
  }
  return apiRequest('POST', '/api/account/passkeys', {
    body: { response, name },
    schema: PasskeysReply,
  });
}

/** "Sign in with a passkey": the device offers the passkeys it holds for Setboard. */
export async function signInWithPasskey(): Promise<SessionView> {
  const options = await apiRequest('POST', '/api/sign-in/passkey/options', {
    schema: CeremonyOptions,
  });
  let response: unknown;
  try {
    response = await startAuthentication({ optionsJSON: options as never });
  } catch (error) {
    throw ceremonyError(
      error,
      'No passkey was used. If you have not added one to Setboard on this device, use one of the other ways to sign in.',
    );
  }
  return apiRequest('POST', '/api/sign-in/passkey', { body: { response }, schema: SessionView });
}

/** A name to suggest for a passkey made on this device. */
export function suggestedPasskeyName(): string {
  const agent = navigator.userAgent;
  if (/iPhone/.test(agent)) return 'iPhone';
  if (/iPad/.test(agent)) return 'iPad';
  if (/Android/.test(agent)) return 'Android phone';
  if (/Macintosh/.test(agent)) return 'Mac';
  if (/Windows/.test(agent)) return 'Windows computer';
  if (/Linux|CrOS/.test(agent)) return 'This computer';
  return 'This device';
}

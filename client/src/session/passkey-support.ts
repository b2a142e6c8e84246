/**
 * What the pages that offer passkeys need before anyone uses one: kept apart from the ceremonies
 * (passkey-ceremonies.ts), which load only when a person adds or uses a passkey.
 */
import { toApiError } from '../api/api-error';

/** Whether this browser can make and use passkeys at all. */
export function passkeysSupported(): boolean {
  return typeof window !== 'undefined' && typeof window.PublicKeyCredential === 'function';
}

/** The sentence to show for a failed request: the field's own words when the server gave them. */
export function problemText(failure: unknown): string {
  const apiError = toApiError(failure);
  return apiError.issues[0]?.message ?? apiError.message;
}

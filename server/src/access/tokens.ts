/**
 * Secrets and ids. Link and session tokens carry 256 random bits and are stored only as their
 * SHA-256; ids carry 128 random bits. Hashes are compared as lookup keys, never as strings typed
 * by someone, so timing does not reveal them.
 */
import { createHash, randomBytes } from 'node:crypto';

/** A new secret for a link or a session cookie (43 base64url characters). */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A new opaque id (22 base64url characters). */
export function newId(): string {
  return randomBytes(16).toString('base64url');
}

/** What we store instead of a token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Same-origin checks for state-changing requests and WebSocket handshakes. Browsers always send
 * `Origin` on these; a request from another site (even with our cookie) is refused.
 */
import type { IncomingMessage } from 'node:http';

/**
 * With a `PUBLIC_URL`, the origin must be exactly its origin. Without one (development, tests),
 * the origin's host must be the host the request was sent to.
 */
export function isSameOrigin(request: IncomingMessage, publicUrl: string | undefined): boolean {
  const origin = request.headers.origin;
  if (!origin || origin === 'null') return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (publicUrl) return parsed.origin === new URL(publicUrl).origin;
  return parsed.host === request.headers.host;
}

/** Methods that change state and so need a same-origin `Origin`. */
export function isStateChanging(method: string | undefined): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes((method ?? 'GET').toUpperCase());
}

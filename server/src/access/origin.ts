/**
 * Same-origin checks for state-changing requests and WebSocket handshakes (HTTP, both Socket.IO
 * transports, /yjs). Browsers always send `Origin` on these; a request from another site (even
 * with our cookie) is refused.
 *
 * The `Origin` must be exactly an origin as a browser serialises it — lower-case scheme and
 * host, no default port, no user name, path or trailing slash — and its scheme, host and port
 * must all equal ours: `PUBLIC_URL`'s when set, otherwise the scheme of the connection (or of
 * a trusted proxy, see `proxy-trust.ts`) and the `Host` it was sent to.
 */
import type { IncomingMessage } from 'node:http';
import { addressedHost, trustsPeer, type ProxyTrust } from './proxy-trust.js';

export interface OriginPolicy {
  publicUrl: string | undefined;
  /** Whether (and whom) to believe about the scheme and host; default: nobody. */
  proxyTrust?: ProxyTrust;
}

/** `text` as a browser would serialise it as an origin, or null when it is not one. */
function serialisedOrigin(text: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.origin;
}

/** The origin pages of this app have, as seen by `request`; null when it cannot be known. */
export function ownOrigin(request: IncomingMessage, policy: OriginPolicy): string | null {
  if (policy.publicUrl) return serialisedOrigin(policy.publicUrl);
  const { scheme, host } = addressedHost(request, trustsPeer(policy.proxyTrust ?? false));
  if (!host || /[/?#@\\\s]/.test(host)) return null;
  return serialisedOrigin(`${scheme}://${host}`);
}

/** A same-origin check for raw requests, built once per app. */
export function originCheck(policy: OriginPolicy): (request: IncomingMessage) => boolean {
  return (request) => isSameOrigin(request, policy);
}

export function isSameOrigin(request: IncomingMessage, policy: OriginPolicy): boolean {
  const origin = request.headers.origin;
  if (!origin || origin === 'null') return false;
  // Exactly the browser's serialisation: anything else (case, userinfo, a path, a trailing
  // slash, a default port spelled out) is not what a browser on our pages sends.
  if (serialisedOrigin(origin) !== origin) return false;
  const own = ownOrigin(request, policy);
  return own !== null && origin === own;
}

/** Methods that change state and so need a same-origin `Origin`. */
export function isStateChanging(method: string | undefined): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes((method ?? 'GET').toUpperCase());
}

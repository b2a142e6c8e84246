/**
 * Whether to believe a reverse proxy's `X-Forwarded-*` headers. Off unless `TRUST_PROXY` says
 * otherwise: anyone can send those headers, so believing them from any peer lets a client pick
 * its own address (and slip past per-address rate limits) or its own scheme (and pass the
 * origin check). The same setting drives Express's `trust proxy` and our raw-request checks
 * (the Socket.IO and /yjs handshakes), so both agree on who the client is.
 */
import { BlockList, isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';

/**
 * The parsed setting: `false` (never), `true` (every peer: only when the app cannot be reached
 * except through the proxy), a hop count, or the proxies' addresses and subnets.
 */
export type ProxyTrust = boolean | number | readonly string[];

/** Express's names for address ranges, which `TRUST_PROXY` accepts too. */
const NAMED_RANGES: Record<string, readonly string[]> = {
  loopback: ['127.0.0.1/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/**
 * Reads `TRUST_PROXY`: unset, empty, `false` or `0` → off; `true` → every peer; a whole number →
 * that many hops; otherwise a comma-separated list of addresses, CIDR subnets and the names
 * `loopback`, `linklocal`, `uniquelocal`. Throws on anything else, so a typo cannot silently
 * trust everyone or no one.
 */
export function parseProxyTrust(value: string | undefined): ProxyTrust {
  const text = (value ?? '').trim().toLowerCase();
  if (text === '' || text === 'false' || text === '0') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (NAMED_RANGES[entry]) continue;
    const [address, bits] = entry.split('/');
    if (!address || !isIP(address) || (bits !== undefined && !/^\d{1,3}$/.test(bits))) {
      throw new Error(`TRUST_PROXY: "${entry}" is not an address, a subnet or a known name`);
    }
  }
  return entries;
}

/** The value for Express's `trust proxy` setting. */
export function expressTrustSetting(trust: ProxyTrust): boolean | number | string {
  return Array.isArray(trust) ? trust.join(',') : (trust as boolean | number);
}

/** A test of whether the peer at `address` is a proxy we trust. */
export function trustsPeer(trust: ProxyTrust): (address: string | undefined) => boolean {
  if (trust === false || trust === 0) return () => false;
  if (trust === true || typeof trust === 'number') return () => true;
  const list = new BlockList();
  for (const entry of (trust as readonly string[]).flatMap(
    (item) => NAMED_RANGES[item] ?? [item],
  )) {
    const [address, bits] = entry.split('/') as [string, string | undefined];
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  return (raw) => {
    if (!raw) return false;
    // IPv4 clients of a dual-stack socket appear as ::ffff:a.b.c.d.
    const address = raw.startsWith('::ffff:') && isIP(raw.slice(7)) === 4 ? raw.slice(7) : raw;
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    return isIP(address) !== 0 && list.check(address, family);
  };
}

/** The first value of a possibly repeated, comma-separated header. */
function firstHeaderValue(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text?.split(',')[0]?.trim() || undefined;
}

/**
 * The scheme and host the client addressed: from the connection itself, or, when the peer is a
 * trusted proxy, from `X-Forwarded-Proto` and `X-Forwarded-Host`.
 */
export function addressedHost(
  request: IncomingMessage,
  trusted: (address: string | undefined) => boolean,
): { scheme: string; host: string | undefined } {
  const encrypted = (request.socket as { encrypted?: boolean }).encrypted === true;
  let scheme = encrypted ? 'https' : 'http';
  let host = request.headers.host;
  if (trusted(request.socket.remoteAddress)) {
    scheme = firstHeaderValue(request.headers['x-forwarded-proto'])?.toLowerCase() ?? scheme;
    host = firstHeaderValue(request.headers['x-forwarded-host']) ?? host;
  }
  return { scheme, host };
}

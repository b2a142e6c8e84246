/**
 * Serves the build's precompressed copies of static files (`x.js.br`, `x.js.gz`, written by
 * client/build/precompress.ts) to browsers that accept them, so assets are compressed once at
 * build time at the strongest setting rather than on every request.
 *
 * Every file that has a compressed copy is sent with `Vary: Accept-Encoding` whichever form is
 * chosen, so a shared cache never hands a brotli body to a client that did not ask for one.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { RequestHandler } from 'express';

/** Encodings we prepare, in the order we prefer them when the client likes both equally. */
const ENCODINGS = [
  { token: 'br', suffix: '.br' },
  { token: 'gzip', suffix: '.gz' },
] as const;

type Encoding = (typeof ENCODINGS)[number]['token'];

/** One file's compressed copies, found once at start-up. */
interface Variants {
  file: string;
  encodings: Set<Encoding>;
}

export interface PrecompressedOptions {
  /** `Cache-Control: max-age` in milliseconds (hashed assets: a year). */
  maxAgeMs: number;
  immutable: boolean;
}

/**
 * Serves GET/HEAD requests for files under `dir` that have compressed copies; anything else
 * falls through (to `express.static`).
 */
export function precompressedFiles(dir: string, options: PrecompressedOptions): RequestHandler {
  const byUrlPath = findVariants(dir);
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const variants = byUrlPath.get(req.path);
    if (variants === undefined) return next();
    res.vary('Accept-Encoding');
    const offered = ENCODINGS.filter(({ token }) => variants.encodings.has(token));
    const encoding = chooseEncoding(offered, req.get('accept-encoding'));
    // The type of the original file, not of `.br` / `.gz`.
    res.type(path.extname(variants.file));
    if (encoding) res.setHeader('Content-Encoding', encoding.token);
    res.sendFile(
      encoding ? `${variants.file}${encoding.suffix}` : variants.file,
      { maxAge: options.maxAgeMs, immutable: options.immutable, dotfiles: 'deny' },
      (error) => {
        if (error) next(error);
      },
    );
  };
}

/**
 * The offered encoding the client weighs highest (`q`), ours first on a tie (browsers list
 * `gzip, deflate, br` with equal weight, and brotli is smaller); none when it accepts neither.
 */
export function chooseEncoding<T extends { token: string }>(
  offered: readonly T[],
  acceptEncoding: string | undefined,
): T | undefined {
  const weights = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (name === '') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  let best: T | undefined;
  let bestWeight = 0;
  for (const encoding of offered) {
    const weight = weights.get(encoding.token) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) {
      best = encoding;
      bestWeight = weight;
    }
  }
  return best;
}

/** URL path (`/name.js`) → the file and which compressed copies exist beside it. */
function findVariants(dir: string): Map<string, Variants> {
  const found = new Map<string, Variants>();
  if (!existsSync(dir)) return found;
  for (const relative of listFiles(dir)) {
    const encoding = ENCODINGS.find(({ suffix }) => relative.endsWith(suffix));
    if (!encoding) continue;
    const original = relative.slice(0, -encoding.suffix.length);
    const file = path.join(dir, original);
    if (!existsSync(file)) continue;
    const urlPath = `/${original.split(path.sep).join('/')}`;
    const variants = found.get(urlPath) ?? { file, encodings: new Set<Encoding>() };
    variants.encodings.add(encoding.token);
    found.set(urlPath, variants);
  }
  return found;
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix)).flatMap((name) => {
    const relative = path.join(prefix, name);
    return statSync(path.join(dir, relative)).isDirectory() ? listFiles(dir, relative) : [relative];
  });
}

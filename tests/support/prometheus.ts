/** Reads Prometheus text (what /metrics answers) into sample values, for tests and the bench. */

/** `name{labels} value` lines → value by `name{labels}` (or by bare name when unlabelled). */
export function parsePrometheus(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*(?:\{[^}]*\})?)\s+(\S+)/.exec(line);
    if (match) samples.set(match[1]!, Number(match[2]));
  }
  return samples;
}

/** Fetches and parses a /metrics endpoint, with a bearer token when given. */
export async function scrapeMetrics(url: string, token?: string): Promise<Map<string, number>> {
  const response = await fetch(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return parsePrometheus(await response.text());
}

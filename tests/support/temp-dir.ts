/** Temporary folders for tests and benchmarks (no test runner needed: benchmarks import it too). */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function makeTempDir(label: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `setboard-${label}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The README's first command, `npm start` (scripts/start.mjs): it builds what is missing or out
 * of date, then serves the app on SQLite with nothing else to install — and a second start, with
 * everything already built, starts at once without building again.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** Runs the start script until it says it is running; returns its output and URL, then stops it. */
async function startOnce(dataDir: string): Promise<{ output: string; healthz: number }> {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Setboard is running at (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`start exited with ${code}:\n${output}`)));
  });
  const healthz = (await fetch(`${url}/healthz`)).status;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  return { output, healthz };
}

describe('npm start', () => {
  it('builds what is missing, serves on SQLite, and starts again without rebuilding', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'setboard-start-'));
    try {
      const first = await startOnce(dataDir);
      expect(first.healthz).toBe(200);
      expect(first.output).toContain('To become its first organiser, open:');
      const second = await startOnce(dataDir);
      expect(second.healthz).toBe(200);
      expect(second.output).not.toContain('Building the');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});

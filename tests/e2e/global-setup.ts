/**
 * Builds the client once per run, into a temporary folder, with Vite's JS API, and hands the
 * folder to the e2e tests as `inject('clientDistDir')`. Without Chromium there is nothing to
 * test in a browser, so the build is skipped and the folder is ''.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH } from '../support/services.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built client (index.html + assets); '' when Chromium is absent and nothing was built. */
    clientDistDir: string;
  }
}

const CLIENT_ROOT = fileURLToPath(new URL('../../client', import.meta.url));

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  if (!existsSync(CHROMIUM_PATH)) {
    project.provide('clientDistDir', '');
    return;
  }
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'setboard-client-'));
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build;
  // the e2e tests should see what people get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: CLIENT_ROOT,
      mode: 'production',
      build: { outDir, emptyOutDir: true },
      logLevel: 'warn',
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  project.provide('clientDistDir', outDir);
  return async () => {
    await rm(outDir, { recursive: true, force: true });
  };
}

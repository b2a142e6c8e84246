/**
 * Runs the real server entry point (`server/src/main.ts`) in a child process, so tests can kill
 * it with SIGKILL or SIGTERM and start it again on the same port and data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeWhenTestEnds } from './cleanup.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MAIN = path.join(REPO_ROOT, 'server/src/main.ts');
const READY_LINE = 'Setboard is running at';

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** The set-up link the server printed at start, if nobody had set it up yet. */
  setupUrl: string | null;
  /** Sends a signal and resolves with the exit code (null when killed by a signal). */
  stop(signal: NodeJS.Signals): Promise<number | null>;
}

/** A port that was free a moment ago, for a server that must come back on the same address. */
export async function findFreePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export async function startServerProcess(options: {
  port: number;
  env: Record<string, string>;
}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(READY_LINE)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) =>
      reject(new Error(`server exited (${code}) before it was ready:\n${output}`)),
    );
  });
  const server: ServerProcess = {
    url: `http://127.0.0.1:${options.port}`,
    port: options.port,
    child,
    setupUrl: /https?:\/\/\S+\/setup#[\w-]+/.exec(output)?.[0] ?? null,
    async stop(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  closeWhenTestEnds(async () => {
    await server.stop('SIGKILL');
  });
  return server;
}

/**
 * Latency probes for flood tests: `/healthz`, a Socket.IO command, and a round trip through
 * another board's queue (an awareness state of the prober's own, relayed back). Each measures
 * one answer; `probeUntil` keeps measuring until a condition is met, so a test can compare what
 * the server answers while it is under attack with a baseline taken just before.
 */
import { performance } from 'node:perf_hooks';
import * as encoding from 'lib0/encoding';
import type WebSocket from 'ws';
import { awarenessMessage } from './raw-yjs.js';
import type { TestSocket } from './socket-client.js';

export interface ProbeLatencies {
  health: number[];
  command: number[];
  board: number[];
}

/** An awareness state under one fixed client id, its clock going up, relayed back to us. */
export function boardPinger(socket: WebSocket): () => Promise<void> {
  const clientId = 1 + Math.floor(Math.random() * 2 ** 30);
  let clock = 0;
  return () =>
    new Promise((resolve, reject) => {
      clock += 1;
      const marker = `ping-${clientId}-${clock}`;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint(encoder, clientId);
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarString(encoder, JSON.stringify({ ping: marker }));
      const onMessage = (data: Buffer) => {
        if (data[0] === 1 && data.includes(marker)) {
          socket.off('message', onMessage);
          resolve();
        }
      };
      socket.on('message', onMessage);
      socket.once('close', () => reject(new Error('the probe board closed')));
      socket.send(awarenessMessage(encoding.toUint8Array(encoder)));
    });
}

export interface Probes {
  serverUrl: string;
  command: TestSocket;
  board: () => Promise<void>;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** One round: all three probes at once. */
export async function probeOnce(probes: Probes, into: ProbeLatencies): Promise<void> {
  const [health, command, board] = await Promise.all([
    timed(async () => {
      const response = await fetch(`${probes.serverUrl}/healthz`);
      if (response.status !== 200) throw new Error(`/healthz answered ${response.status}`);
    }),
    timed(async () => {
      const result = (await probes.command
        .timeout(10_000)
        .emitWithAck('clock:sync', { clientSentAt: Date.now() })) as { ok: boolean };
      if (!result.ok) throw new Error('clock:sync refused');
    }),
    timed(probes.board),
  ]);
  into.health.push(health);
  into.command.push(command);
  into.board.push(board);
}

/** Probes round after round until `done()` is true, and `extraRounds` more. */
export async function probeUntil(
  probes: Probes,
  done: () => boolean,
  extraRounds = 3,
): Promise<ProbeLatencies> {
  const latencies: ProbeLatencies = { health: [], command: [], board: [] };
  while (!done()) await probeOnce(probes, latencies);
  for (let round = 0; round < extraRounds; round++) await probeOnce(probes, latencies);
  return latencies;
}

/** `rounds` rounds, for a baseline. */
export async function probeRounds(probes: Probes, rounds: number): Promise<ProbeLatencies> {
  const latencies: ProbeLatencies = { health: [], command: [], board: [] };
  for (let round = 0; round < rounds; round++) await probeOnce(probes, latencies);
  return latencies;
}

export const worst = (samples: number[]) => Math.max(...samples);

export function describeLatencies(label: string, latencies: ProbeLatencies): string {
  const part = (name: keyof ProbeLatencies) =>
    `${name} worst ${worst(latencies[name]).toFixed(1)} ms (${latencies[name].length})`;
  return `${label}: ${part('health')}, ${part('command')}, ${part('board')}`;
}

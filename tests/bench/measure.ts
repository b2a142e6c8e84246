/** Timing helpers for `npm run bench`: medians of repeated runs, printed as ratios. */
import { performance } from 'node:perf_hooks';

/** Runs `work` once to warm up, then `rounds` times, and returns the median duration in ms. */
export async function medianMs(rounds: number, work: () => Promise<void> | void): Promise<number> {
  await work();
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Prints `subject` against `baseline` as a ratio. */
export function report(
  what: string,
  baseline: string,
  baseMs: number,
  subject: string,
  subjectMs: number,
): void {
  const ratio = subjectMs / baseMs;
  process.stdout.write(
    `${what}: ${subject} ${subjectMs.toFixed(1)} ms vs ${baseline} ${baseMs.toFixed(1)} ms → ratio ${ratio.toFixed(3)}\n`,
  );
}

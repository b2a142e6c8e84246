/**
 * A clock tests drive by hand: the app's `now()` and its meeting `Scheduler` in one. Nothing
 * runs until the test moves time on; then every task due by the new time runs, earliest first.
 * A task scheduled for a time already past runs on the next turn of the event loop, as a
 * `setTimeout(…, 0)` would. Several app instances may share one clock.
 */
import type { Scheduler } from '@setboard/server';

interface Task {
  at: number;
  run: () => void;
}

export class ManualClock implements Scheduler {
  private current: number;
  private tasks: Task[] = [];

  constructor(start: number) {
    this.current = start;
  }

  /** The time now (epoch ms); pass as the app's `now`. */
  readonly now = (): number => this.current;

  schedule(at: number, run: () => void): () => void {
    const task = { at, run };
    this.tasks.push(task);
    if (at <= this.current) setImmediate(() => this.runDue());
    return () => {
      this.tasks = this.tasks.filter((candidate) => candidate !== task);
    };
  }

  /** Moves time on by `ms` and runs what has fallen due. */
  advanceBy(ms: number): void {
    this.advanceTo(this.current + ms);
  }

  /** Moves time on to `at` and runs what has fallen due. */
  advanceTo(at: number): void {
    if (at < this.current) throw new Error('A manual clock only moves forward');
    this.current = at;
    this.runDue();
  }

  /** How many tasks are waiting (for tests of the scheduler itself). */
  get pending(): number {
    return this.tasks.length;
  }

  /** The earliest waiting task's time, or null. */
  get nextAt(): number | null {
    return this.tasks.reduce<number | null>(
      (earliest, task) => (earliest === null || task.at < earliest ? task.at : earliest),
      null,
    );
  }

  private runDue(): void {
    const due = this.tasks.filter((task) => task.at <= this.current).sort((a, b) => a.at - b.at);
    this.tasks = this.tasks.filter((task) => !due.includes(task));
    for (const task of due) task.run();
  }
}

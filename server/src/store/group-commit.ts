/**
 * Group commit for doc appends, shared by both adapters.
 *
 * Appends that arrive while a commit is in flight wait, and are then written together by the
 * next commit (one SQLite transaction with one fsync, or one Redis MULTI). Each append's promise
 * settles only when its commit has, so "nothing is sent before it is durable" (G1) holds for
 * every append in a batch. Batches run one at a time in arrival order, and a batch keeps its
 * appends in order, so each doc's updates are stored in the order they were appended.
 */

/** One append waiting for its commit. */
export interface PendingAppend {
  docName: string;
  /** Owned bytes (the adapter copied them). */
  bytes: Uint8Array;
}

/** Writes a whole batch durably, in order, or throws (then none of it counts as stored). */
export type CommitBatch = (batch: readonly PendingAppend[]) => Promise<void>;

interface Waiting {
  append: PendingAppend;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class GroupCommitter {
  #waiting: Waiting[] = [];
  #running: Promise<void> | null = null;
  #commits = 0;
  #appends = 0;

  constructor(
    private readonly commit: CommitBatch,
    /** Told the size of every batch as it commits (for metrics). */
    private readonly onBatch: (size: number) => void = () => {},
  ) {}

  /** Resolves once `append` is committed along with whatever else arrived meanwhile. */
  append(append: PendingAppend): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ append, resolve, reject });
      this.#running ??= this.#run();
    });
  }

  /** How many commits and appends this committer has made (tests check batching). */
  get stats(): { commits: number; appends: number } {
    return { commits: this.#commits, appends: this.#appends };
  }

  /** Resolves when every append handed in so far has settled. */
  async drain(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async #run(): Promise<void> {
    // Appends made in the same turn of the event loop join the first batch.
    await Promise.resolve();
    while (this.#waiting.length > 0) {
      const batch = this.#waiting;
      this.#waiting = [];
      this.#commits += 1;
      this.#appends += batch.length;
      this.onBatch(batch.length);
      try {
        await this.commit(batch.map((entry) => entry.append));
        for (const entry of batch) entry.resolve();
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    this.#running = null;
  }
}

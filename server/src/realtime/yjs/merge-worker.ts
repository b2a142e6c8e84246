/**
 * Merging a doc's stored log into one snapshot (compaction) happens on a worker thread, so a
 * long log or a large board never holds up the other boards' keystrokes on the event loop
 * (docs/architecture.md, "The document queue"). The thread only merges: the store is read and
 * written on the main thread, as every other store call is.
 *
 * As with the SQLite append worker, the code is a short script evaluated in the thread, so it
 * runs the same from sources and from the bundled server; it loads the Yjs this process uses.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';

/** Merges V1 updates, oldest first, into one garbage-collected V1 update. */
export type MergeUpdates = (updates: readonly Uint8Array[]) => Promise<Uint8Array>;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Y = require(workerData.yjs);
parentPort.on('message', ({ id, updates }) => {
  const doc = new Y.Doc();
  try {
    Y.transact(doc, () => {
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    const merged = Y.encodeStateAsUpdate(doc);
    parentPort.postMessage({ id, merged }, [merged.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  } finally {
    doc.destroy();
  }
});
`;

interface Reply {
  id: number;
  merged?: Uint8Array;
  error?: string;
}

/** On this thread: for tests and tools, and when the worker is gone. */
export const mergeHere: MergeUpdates = async (updates) => {
  const doc = new Y.Doc();
  try {
    Y.transact(doc, () => {
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
};

/** One worker thread, started on first use, merging one log at a time in order of asking. */
export class MergeWorker {
  #worker: Worker | null = null;
  readonly #waiting = new Map<
    number,
    { resolve: (u: Uint8Array) => void; reject: (e: Error) => void }
  >();
  #nextId = 1;

  readonly merge: MergeUpdates = (updates) => {
    const worker = this.#started();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      if (this.#waiting.size === 1) worker.ref(); // kept alive while a merge is owed
      worker.postMessage({ id, updates });
    });
  };

  /** Ends the thread; merges still owed are rejected (their compaction is simply not done). */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    if (worker) await worker.terminate();
    this.#fail(new Error('the merge worker was closed'));
  }

  #started(): Worker {
    if (this.#worker) return this.#worker;
    const yjs = createRequire(import.meta.url).resolve('yjs');
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { yjs } });
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const waiting = this.#waiting.get(reply.id);
      this.#waiting.delete(reply.id);
      if (this.#waiting.size === 0) worker.unref();
      if (reply.merged) waiting?.resolve(reply.merged);
      else waiting?.reject(new Error(`merging a doc's log failed: ${reply.error}`));
    });
    const gone = (error: Error) => {
      if (this.#worker === worker) this.#worker = null; // the next merge starts a new one
      this.#fail(error);
    };
    worker.on('error', gone);
    worker.on('exit', () => gone(new Error('the merge worker stopped')));
    this.#worker = worker;
    return worker;
  }

  #fail(error: Error): void {
    for (const waiting of this.#waiting.values()) waiting.reject(error);
    this.#waiting.clear();
  }
}

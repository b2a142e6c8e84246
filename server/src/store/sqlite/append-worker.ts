/**
 * The SQLite store's appends run on a worker thread with its own connection to the file, so the
 * fsync of each group commit never blocks the event loop. The main connection still reads and
 * writes records and compacts; in WAL mode the two connections see each other's commits, and
 * SQLite's file lock keeps their writes apart.
 *
 * The worker's code is a short script evaluated in the thread (not a file beside this one), so it
 * runs the same from sources (tsx, Vitest) and from the bundled server; it loads the very
 * better-sqlite3 this process uses.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { PendingAppend } from '../group-commit.js';

/** Runs in the worker: opens the file, then commits each batch it is sent in one transaction. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.betterSqlite3);
const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
const insert = db.prepare('INSERT INTO doc_updates (ns, doc, update_bytes) VALUES (?, ?, ?)');
const commit = db.transaction((ns, docs, updates) => {
  for (let i = 0; i < docs.length; i += 1) insert.run(ns, docs[i], updates[i]);
});
parentPort.on('message', (message) => {
  if (message.close) {
    db.close();
    parentPort.close();
    return;
  }
  try {
    commit(message.ns, message.docs, message.updates.map((u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength)));
    parentPort.postMessage({ id: message.id });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: String(error && error.message || error) });
  }
});
`;

interface Reply {
  id: number;
  error?: string;
}

/** The main thread's handle on the append worker. */
export class SqliteAppendWorker {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  #nextId = 1;
  #failed: Error | null = null;

  constructor(file: string, busyTimeoutMs: number) {
    const betterSqlite3 = createRequire(import.meta.url).resolve('better-sqlite3');
    this.#worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, busyTimeoutMs, betterSqlite3 },
    });
    // An idle worker must not keep the process alive; pending commits hold it via their promises.
    this.#worker.unref();
    this.#worker.on('message', (reply: Reply) => {
      const waiting = this.#waiting.get(reply.id);
      this.#waiting.delete(reply.id);
      if (reply.error === undefined) waiting?.resolve();
      else waiting?.reject(new Error(`SQLite append failed: ${reply.error}`));
    });
    this.#worker.on('error', (error) => this.#fail(error));
    this.#worker.on('exit', () => this.#fail(new Error('the SQLite append worker stopped')));
  }

  /** Commits the batch in one transaction on the worker's connection (durable when it resolves). */
  commit(ns: string, batch: readonly PendingAppend[]): Promise<void> {
    if (this.#failed) return Promise.reject(this.#failed);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#worker.postMessage({
        id,
        ns,
        docs: batch.map((append) => append.docName),
        updates: batch.map((append) => append.bytes),
      });
    });
  }

  /** Closes the worker's connection and ends the thread (after the commits already sent). */
  async close(): Promise<void> {
    if (this.#failed) return;
    const exited = new Promise<void>((resolve) => this.#worker.once('exit', () => resolve()));
    // Keep the process alive until the worker has closed its connection.
    this.#worker.ref();
    this.#worker.postMessage({ close: true });
    await exited;
  }

  #fail(error: Error): void {
    this.#failed ??= error;
    for (const waiting of this.#waiting.values()) waiting.reject(error);
    this.#waiting.clear();
  }
}

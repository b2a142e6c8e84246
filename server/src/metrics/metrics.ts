/**
 * What the server counts about itself, in Prometheus form (prom-client): the event loop's delay
 * and the process's CPU and memory (prom-client's defaults), open connections and documents,
 * appends with the sizes of the store's group commits, and refused writes.
 *
 * One `Metrics` per app, each with its own registry, so several apps in one test process never
 * mix their counts. Who may read them is decided where they are served (metrics-access.ts).
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Group commits are small under light load and grow with it; the buckets follow that. */
const BATCH_SIZE_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256];
/** From a memory-speed commit to a slow disk's fsync. */
const APPEND_SECONDS_BUCKETS = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 1];

/** Reads a live count when Prometheus scrapes (e.g. Socket.IO's open connections). */
export type CountSource = () => number;

export class Metrics {
  readonly registry = new Registry();

  /** Doc updates appended to the store (each one durable before it was sent on). */
  readonly appends = new Counter({
    name: 'setboard_doc_appends_total',
    help: 'Yjs updates appended to the store.',
    registers: [this.registry],
  });

  /** From asking the store to append to its promise resolving (the commit included). */
  readonly appendSeconds = new Histogram({
    name: 'setboard_doc_append_seconds',
    help: 'Time from an append to its durable commit.',
    buckets: APPEND_SECONDS_BUCKETS,
    registers: [this.registry],
  });

  /** How many appends each group commit wrote in one transaction (or one Redis round trip). */
  readonly appendBatchSize = new Histogram({
    name: 'setboard_doc_append_batch_size',
    help: 'Appends written together by one group commit.',
    buckets: BATCH_SIZE_BUCKETS,
    registers: [this.registry],
  });

  /** Writes the gate did not take as sent: reverted in part, or refused with a close. */
  readonly refusals = new Counter({
    name: 'setboard_doc_refusals_total',
    help: 'Yjs updates the write gate refused, by outcome (revert or close).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  /** Documents this instance holds open (subscribed to in the store). */
  readonly docsOpen = new Gauge({
    name: 'setboard_docs_open',
    help: 'Yjs documents held open on this instance.',
    registers: [this.registry],
  });

  /** y-websocket connections open on this instance. */
  readonly yjsConnections = new Gauge({
    name: 'setboard_yjs_connections',
    help: 'Open y-websocket connections.',
    registers: [this.registry],
  });

  #socketIoClients: CountSource = () => 0;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    const readSocketIo = (): number => this.#socketIoClients();
    new Gauge({
      name: 'setboard_socketio_connections',
      help: 'Open Socket.IO connections.',
      registers: [this.registry],
      collect() {
        this.set(readSocketIo());
      },
    });
  }

  /** Where the Socket.IO connection count comes from (set once the server exists). */
  countSocketIoWith(source: CountSource): void {
    this.#socketIoClients = source;
  }

  /** Records one group commit of `size` appends (the store adapters call this). */
  readonly recordBatch = (size: number): void => {
    this.appendBatchSize.observe(size);
  };

  /** The text a Prometheus scrape receives, and its content type. */
  async exposition(): Promise<{ body: string; contentType: string }> {
    return { body: await this.registry.metrics(), contentType: this.registry.contentType };
  }
}

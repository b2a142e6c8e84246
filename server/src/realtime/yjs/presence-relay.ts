/**
 * Presence (awareness) across instances, through the store's presence channel (never stored).
 * Each message is one byte of kind, then its payload:
 * - `UPDATE` + an awareness update: states of the sender's own peers (already checked there);
 * - `QUERY`: "I have just opened this doc": every instance answers with its own peers' states,
 *   so someone joining on another instance sees who is here at once, not at the next renewal.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Logger } from '../../logger.js';
import type { Store } from '../../store/store.js';

const UPDATE = 0;
const QUERY = 1;

export class PresenceRelay {
  private stop: (() => Promise<void>) | null = null;

  constructor(
    private readonly deps: {
      store: Store;
      logger: Logger;
      docName: string;
      awareness: awarenessProtocol.Awareness;
      /** The origin remote states are applied with (so they are not sent back out). */
      remoteOrigin: unknown;
      /** Client ids of this instance's own peers on the doc. */
      localClients: () => number[];
    },
  ) {}

  /** Starts listening, then asks the other instances who is there. */
  async start(): Promise<void> {
    const { store, docName } = this.deps;
    this.stop = await store.subscribePresence(docName, (message) => this.receive(message));
    this.send(Uint8Array.of(QUERY));
  }

  /** Shares an awareness update of this instance's own peers' states (or their removal). */
  share(update: Uint8Array): void {
    const message = new Uint8Array(update.length + 1);
    message[0] = UPDATE;
    message.set(update, 1);
    this.send(message);
  }

  async close(): Promise<void> {
    await this.stop?.();
    this.stop = null;
  }

  private receive(message: Uint8Array): void {
    if (message[0] === QUERY) {
      const clients = this.deps.localClients();
      if (clients.length > 0) {
        this.share(awarenessProtocol.encodeAwarenessUpdate(this.deps.awareness, clients));
      }
      return;
    }
    if (message[0] !== UPDATE) return;
    try {
      const { awareness, remoteOrigin } = this.deps;
      awarenessProtocol.applyAwarenessUpdate(awareness, message.subarray(1), remoteOrigin);
    } catch (error) {
      this.deps.logger.warn({ err: error, doc: this.deps.docName }, 'unreadable presence');
    }
  }

  private send(message: Uint8Array): void {
    this.deps.store.publishPresence(this.deps.docName, message).catch((error: unknown) => {
      this.deps.logger.warn({ err: error, doc: this.deps.docName }, 'could not share presence');
    });
  }
}

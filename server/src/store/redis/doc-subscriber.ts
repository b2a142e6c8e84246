/**
 * The Redis store's pub/sub side: one dedicated connection (a Redis connection in subscriber
 * mode can run no other command), opened on first use, carrying every doc channel this store
 * listens to.
 *
 * Pub/sub is at-most-once: a message published while this connection is reconnecting is lost
 * (ioredis resubscribes by itself afterwards). The update is still in the doc's log, so after a
 * reconnect every subscribed channel's log is replayed to its listeners (Yjs updates are
 * idempotent, so the duplicates this brings are harmless) and no instance is left behind.
 */
import type { Redis } from 'ioredis';
import type { DocUpdateListener } from '../store.js';
import { callListeners } from '../adapter-support.js';

/**
 * A published update is `[n][instanceId: n bytes, UTF-8][update bytes]`: binary, so the update
 * is never turned into a string, and tagged, so a store can skip its own appends.
 */
export function encodeUpdateMessage(instanceId: Buffer, update: Uint8Array): Buffer {
  return Buffer.concat([Buffer.of(instanceId.length), instanceId, update]);
}

/** Reverses `encodeUpdateMessage`; `null` for a message too short to be one. */
export function decodeUpdateMessage(
  message: Buffer,
): { instanceId: Buffer; update: Uint8Array } | null {
  const idLength = message[0];
  if (idLength === undefined || message.length < 1 + idLength) return null;
  return {
    instanceId: message.subarray(1, 1 + idLength),
    // Copy: the message Buffer belongs to ioredis' parser.
    update: new Uint8Array(message.subarray(1 + idLength)),
  };
}

/** The CLIENT SETNAME of a store's subscriber connection (names may not contain spaces). */
export function subscriberConnectionName(instanceId: Buffer): string {
  return `setboard-store-subscriber:${instanceId.toString('utf8').replace(/[^\w.:-]/g, '_')}`;
}

interface ChannelSubscription {
  listeners: Set<DocUpdateListener>;
  live: Promise<void>;
}

/** Reads a channel's stored updates, to replay what a reconnect may have missed. */
export type ChannelReplay = (channel: string) => Promise<Uint8Array[]>;

/** Fans the messages of one subscriber connection out to per-channel listeners. */
export class DocSubscriber {
  readonly #source: Redis;
  readonly #instanceId: Buffer;
  readonly #onError: (error: unknown) => void;
  readonly #replay: ChannelReplay;
  readonly #channels = new Map<string, ChannelSubscription>();
  readonly #onRestored: Array<() => void> = [];
  #connection: Redis | undefined;
  /**
   * SUBSCRIBE and UNSUBSCRIBE run one at a time. ioredis leaves subscriber mode when the last
   * UNSUBSCRIBE is answered, and misreads the replies if a SUBSCRIBE is in flight meanwhile.
   */
  #queue: Promise<void> = Promise.resolve();

  /** `source` is duplicated (same address and options) on first use; it is never used itself. */
  constructor(
    source: Redis,
    instanceId: Buffer,
    onError: (error: unknown) => void,
    replay: ChannelReplay,
  ) {
    this.#source = source;
    this.#instanceId = instanceId;
    this.#onError = onError;
    this.#replay = replay;
  }

  /** Resolves once `channel` is subscribed; returns the idempotent unsubscribe. */
  async subscribe(channel: string, listener: DocUpdateListener): Promise<() => Promise<void>> {
    const subscription = this.#channels.get(channel) ?? this.#openChannel(channel);
    // A wrapper, so subscribing the same function twice gives two independent subscriptions.
    const entry: DocUpdateListener = (update) => listener(update);
    subscription.listeners.add(entry);
    try {
      await subscription.live;
    } catch (error) {
      subscription.listeners.delete(entry);
      throw error;
    }
    return () => this.#unsubscribe(channel, subscription, entry);
  }

  /** Calls `listener` each time the connection is ready again after dropping. */
  onRestored(listener: () => void): void {
    this.#onRestored.push(listener);
  }

  /** Quits the connection this object opened, if any. */
  async close(): Promise<void> {
    this.#channels.clear();
    const connection = this.#connection;
    this.#connection = undefined;
    if (connection === undefined) return;
    try {
      await connection.quit();
    } catch {
      connection.disconnect(); // Quitting fails when the connection is already down.
    }
  }

  #openChannel(channel: string): ChannelSubscription {
    const connection = this.#connect();
    const subscription: ChannelSubscription = {
      listeners: new Set(),
      live: this.#enqueue(() => connection.subscribe(channel)),
    };
    this.#channels.set(channel, subscription);
    subscription.live.catch(() => {
      // Forget a failed subscription so the next subscriber tries again.
      if (this.#channels.get(channel) === subscription) this.#channels.delete(channel);
    });
    return subscription;
  }

  async #unsubscribe(
    channel: string,
    subscription: ChannelSubscription,
    entry: DocUpdateListener,
  ): Promise<void> {
    if (!subscription.listeners.delete(entry) || subscription.listeners.size > 0) return;
    if (this.#channels.get(channel) !== subscription) return;
    this.#channels.delete(channel);
    const connection = this.#connection;
    if (connection !== undefined) await this.#enqueue(() => connection.unsubscribe(channel));
  }

  #connect(): Redis {
    if (this.#connection === undefined) {
      // Named, so operators (and tests) can tell it apart in CLIENT LIST.
      const connection = this.#source.duplicate({
        connectionName: subscriberConnectionName(this.#instanceId),
      });
      connection.on('error', this.#onError);
      connection.on('messageBuffer', (channel: Buffer, message: Buffer) =>
        this.#dispatch(channel.toString(), message),
      );
      let connectedBefore = false;
      connection.on('ready', () => {
        if (connectedBefore) {
          for (const listener of this.#onRestored) {
            try {
              listener();
            } catch (error) {
              this.#onError(error);
            }
          }
          void this.#replayAfterReconnect(connection);
        }
        connectedBefore = true;
      });
      this.#connection = connection;
    }
    return this.#connection;
  }

  #dispatch(channel: string, message: Buffer): void {
    const subscription = this.#channels.get(channel);
    if (subscription === undefined) return;
    const decoded = decodeUpdateMessage(message);
    if (decoded === null) {
      this.#onError(new Error(`Malformed update message on ${channel}`));
      return;
    }
    if (decoded.instanceId.equals(this.#instanceId)) return; // Our own append.
    callListeners([...subscription.listeners], decoded.update, this.#onError);
  }

  /**
   * ioredis queues the resubscriptions when the connection is ready again; a PING sent after
   * them is answered only once they are live, so the logs read next miss nothing.
   */
  async #replayAfterReconnect(connection: Redis): Promise<void> {
    try {
      await connection.ping();
      for (const [channel, subscription] of this.#channels) {
        const updates = await this.#replay(channel);
        for (const update of updates) {
          callListeners([...subscription.listeners], update, this.#onError);
        }
      }
    } catch (error) {
      this.#onError(error);
    }
  }

  #enqueue(operation: () => Promise<unknown>): Promise<void> {
    const run = this.#queue.then(operation).then(() => undefined);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

/**
 * One collaborative document held in memory while anyone has it open on this instance.
 *
 * Every change goes through one queue per document, in arrival order:
 * check (can it be integrated?) → append to the store (durable) → apply → broadcast.
 * Nothing reaches another person before it is stored (G1), and updates appended by other
 * instances (through the store's subscription) are applied through the same queue.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { YjsCloseCode } from '@setboard/shared';
import type { WriteGate } from '../../boards/write-gate.js';
import { SERVER_WRITER } from '../../boards/client-ids.js';
import { serverChangeUpdate } from '../../boards/revert-forbidden.js';
import type { Logger } from '../../logger.js';
import type { Store, StoredDoc } from '../../store/store.js';
import { PresenceRelay } from './presence-relay.js';
import { ServerAwareness } from './server-awareness.js';
import {
  encodeAwareness,
  encodeNotice,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
} from './messages.js';
import { checkIncomingUpdate } from './update-check.js';

/** Who is on the other end of a connection, as admitted at the upgrade. */
export interface PeerIdentity {
  personId: string;
  /** The name others see on this person's cursor (from their profile, never from the client). */
  displayName: string;
  /** The session that admitted them (its stored key), so signing out closes it. */
  sessionKey: string;
  /** The set whose membership admitted them (null for docs not tied to a set). */
  setId: string | null;
}

/** A connection holding the doc open, as the doc sees it. */
export interface DocPeer extends PeerIdentity {
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** Compact the stored log when loading finds more updates than this… */
export const COMPACT_ON_LOAD_AFTER_UPDATES = 100;
/** …and after this many appends while the doc stays open. */
export const COMPACT_EVERY_UPDATES = 500;

/** Origin of updates that came from the store (other instances), not from a local peer. */
const FROM_STORE = Symbol('from-store');
/** Origin of net updates the server wrote (a reverted change, a question): every peer gets them. */
const FROM_SERVER = Symbol('from-server');

export interface SharedDocDeps {
  store: Store;
  logger: Logger;
  gate: WriteGate;
}

/**
 * Refused writes a connection may make per minute before it is closed (4429). The UI locks what
 * a person may not write, so honest clients rarely reach one; each costs a copy of the doc.
 */
export const MAX_REFUSED_WRITES_PER_MINUTE = 20;

/** A random 32-bit client id, as Yjs makes them. */
function randomClientId(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

export class SharedDoc {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** Each peer and the awareness client ids it controls. */
  private readonly peers = new Map<DocPeer, Set<number>>();
  private queue: Promise<void> = Promise.resolve();
  private appendsSinceCompaction = 0;
  private compacting = false;
  private stopSubscription: (() => Promise<void>) | null = null;
  private readonly presence: PresenceRelay;
  /** The client id this instance writes server changes with; never the doc's own. */
  private readonly writerClientId: number;
  private readonly serverAwareness: ServerAwareness;
  /** When each peer's recent writes were refused (for the refusal budget). */
  private readonly refusals = new WeakMap<DocPeer, number[]>();

  private constructor(
    readonly name: string,
    private readonly deps: SharedDocDeps,
  ) {
    // The server is not a participant: it has no awareness state of its own.
    this.awareness.setLocalState(null);
    let writer = randomClientId();
    while (writer === this.doc.clientID) writer = randomClientId();
    this.writerClientId = writer;
    this.serverAwareness = new ServerAwareness(this.awareness, deps.gate.bindings, name);
    // Presence from other instances was checked there, so it is applied as it comes.
    this.presence = new PresenceRelay({
      store: deps.store,
      logger: deps.logger,
      docName: name,
      awareness: this.awareness,
      remoteOrigin: FROM_STORE,
      localClients: () => [...this.peers.values()].flatMap((clients) => [...clients]),
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.broadcast(update, origin));
    this.awareness.on('update', (change: AwarenessChange, origin: unknown) =>
      this.relayAwareness(change, origin),
    );
  }

  /** Subscribes to other instances' updates, then loads the stored log (so nothing is missed). */
  static async load(name: string, deps: SharedDocDeps): Promise<SharedDoc> {
    const shared = new SharedDoc(name, deps);
    const early: Uint8Array[] = [];
    let loaded = false;
    shared.stopSubscription = await deps.store.subscribeDoc(name, (update) => {
      if (loaded) shared.enqueue(() => shared.applyFromStore(update));
      else early.push(update);
    });
    let stored: StoredDoc;
    try {
      await shared.presence.start();
      stored = await deps.store.loadDoc(name);
    } catch (error) {
      await shared.destroy();
      throw error;
    }
    Y.transact(shared.doc, () => {
      for (const update of stored.updates) Y.applyUpdate(shared.doc, update, FROM_STORE);
    });
    loaded = true;
    for (const update of early) shared.enqueue(() => shared.applyFromStore(update));
    if (stored.updates.length > COMPACT_ON_LOAD_AFTER_UPDATES) shared.compactInBackground();
    return shared;
  }

  get peerCount(): number {
    return this.peers.size;
  }

  /** Closes the connections matching `which` (e.g. one person's through one set). */
  closePeersWhere(which: (peer: PeerIdentity) => boolean, code: number, reason: string): number {
    const leaving = [...this.peers.keys()].filter(which);
    for (const peer of leaving) peer.close(code, reason);
    return leaving.length;
  }

  /** A new connection: tell it our state vector and who else is here. */
  addPeer(peer: DocPeer): void {
    this.peers.set(peer, new Set());
    peer.send(encodeSyncStep1(this.doc));
    const others = [...this.awareness.getStates().keys()];
    if (others.length > 0) peer.send(encodeAwareness(this.awareness, others));
  }

  /** A connection left: forget its awareness states (others see it go). */
  removePeer(peer: DocPeer): void {
    const clients = this.peers.get(peer);
    this.peers.delete(peer);
    if (clients && clients.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...clients], null);
    }
  }

  /** Answers a peer's state vector with what it lacks. */
  answerSyncStep1(peer: DocPeer, peerStateVector: Uint8Array): void {
    peer.send(encodeSyncStep2(this.doc, peerStateVector));
  }

  /** Queues an update from a peer: check → store → apply → broadcast. */
  receiveUpdate(peer: DocPeer, update: Uint8Array): void {
    this.enqueue(() => this.integrateFromPeer(peer, update));
  }

  /**
   * Applies an awareness update from a peer, with the identity the server knows written over
   * whatever the client claimed; states under someone else's client id are left out.
   */
  receiveAwareness(peer: DocPeer, update: Uint8Array): void {
    this.enqueue(async () => {
      const outcome = await this.serverAwareness.apply(peer, update);
      if ('code' in outcome) peer.close(outcome.code, outcome.reason);
    });
  }

  /**
   * A change the server makes itself (a question put with `question:ask`): made on a copy,
   * stored, then applied and sent to everyone. Resolves with `change`'s result once stored and
   * sent; if `change` throws, nothing is stored and the promise rejects with that error.
   */
  writeAsServer<T>(change: (doc: Y.Doc) => T): Promise<T> {
    return new Promise((resolve, reject) => {
      this.enqueue(async () => {
        try {
          await this.deps.gate.bindings.claim(this.name, [this.writerClientId], SERVER_WRITER);
          let result!: T;
          const update = serverChangeUpdate(this.doc, this.writerClientId, (scratch) => {
            result = change(scratch);
          });
          await this.deps.store.appendUpdate(this.name, update);
          Y.applyUpdate(this.doc, update, FROM_SERVER);
          this.noteAppend();
          resolve(result);
        } catch (error) {
          reject(error as Error);
        }
      });
    });
  }

  /** Sends every awareness state to one peer. */
  sendAllAwareness(peer: DocPeer): void {
    peer.send(encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
  }

  /** Resolves when every queued update has been stored and applied. */
  flush(): Promise<void> {
    return this.queue;
  }

  /** Closes every peer with `code`, waits for queued work, and stops the subscription. */
  async destroy(code: number = YjsCloseCode.serviceRestart, reason = 'closing'): Promise<void> {
    for (const peer of [...this.peers.keys()]) peer.close(code, reason);
    this.peers.clear();
    await this.flush();
    await this.stopSubscription?.();
    this.stopSubscription = null;
    await this.presence.close();
    this.awareness.destroy();
    this.doc.destroy();
  }

  private enqueue(step: () => Promise<void> | void): void {
    this.queue = this.queue.then(step).catch((error: unknown) => {
      this.deps.logger.error({ err: error, doc: this.name }, 'doc queue step failed');
    });
  }

  private async integrateFromPeer(peer: DocPeer, update: Uint8Array): Promise<void> {
    if (!this.peers.has(peer)) {
      // The peer left after sending: its update is still valid work and must not be lost.
      this.deps.logger.debug({ doc: this.name }, 'integrating an update from a closed peer');
    }
    const verdict = checkIncomingUpdate(this.doc, update);
    if (!verdict.ok) {
      this.deps.logger.warn({ doc: this.name, ...verdict }, 'refused a Yjs update');
      const code =
        verdict.problem === 'would_pend' ? YjsCloseCode.outOfSync : YjsCloseCode.malformed;
      peer.close(code, verdict.problem);
      return;
    }
    const decision = await this.deps.gate.judge({
      docName: this.name,
      doc: this.doc,
      personId: peer.personId,
      update,
      decoded: verdict.decoded,
      writerClientId: this.writerClientId,
    });
    if (decision.kind === 'revert' && this.overRefusalBudget(peer)) {
      peer.close(YjsCloseCode.rateLimited, 'too many refused changes');
      return;
    }
    if (decision.kind === 'close') {
      this.deps.logger.warn({ doc: this.name, reason: decision.reason }, 'refused a Yjs update');
      peer.close(decision.code, decision.reason);
      return;
    }
    // A refused change still becomes part of the doc, undone: the sender's later updates build
    // on its items. Only the net result is stored and sent, to everyone, the sender included.
    const net = decision.kind === 'revert' ? decision.net : update;
    try {
      await this.deps.store.appendUpdate(this.name, net);
    } catch (error) {
      this.deps.logger.error({ err: error, doc: this.name }, 'could not store a Yjs update');
      // Transient: the client keeps its change and sends it again when it re-syncs.
      peer.close(1011, 'could not store the change');
      return;
    }
    Y.applyUpdate(this.doc, net, decision.kind === 'revert' ? FROM_SERVER : peer);
    if (decision.kind === 'revert') {
      this.deps.logger.info({ doc: this.name, rules: decision.notice.rules }, 'reverted a write');
      peer.send(encodeNotice(decision.notice));
    }
    this.noteAppend();
  }

  /** Counts a refusal; true when the peer has had too many in the last minute. */
  private overRefusalBudget(peer: DocPeer): boolean {
    const now = Date.now();
    const recent = (this.refusals.get(peer) ?? []).filter((at) => now - at < 60_000);
    recent.push(now);
    this.refusals.set(peer, recent);
    return recent.length > MAX_REFUSED_WRITES_PER_MINUTE;
  }

  private applyFromStore(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, FROM_STORE);
  }

  private broadcast(update: Uint8Array, origin: unknown): void {
    if (this.peers.size === 0) return;
    const message = encodeUpdate(update);
    for (const peer of this.peers.keys()) {
      if (peer !== origin) peer.send(message);
    }
  }

  private relayAwareness(change: AwarenessChange, origin: unknown): void {
    const changed = [...change.added, ...change.updated, ...change.removed];
    const owned = this.peers.get(origin as DocPeer);
    if (owned) {
      for (const client of change.added) owned.add(client);
      for (const client of change.removed) owned.delete(client);
    }
    if (changed.length === 0) return;
    // Our own peers' presence (or its removal when they leave): tell the other instances.
    if (origin !== FROM_STORE) this.presence.share(changed);
    if (this.peers.size === 0) return;
    const message = encodeAwareness(this.awareness, changed);
    for (const peer of this.peers.keys()) peer.send(message);
  }

  private noteAppend(): void {
    this.appendsSinceCompaction += 1;
    if (this.appendsSinceCompaction >= COMPACT_EVERY_UPDATES) this.compactInBackground();
  }

  /**
   * Rewrites the stored log as one snapshot plus whatever was appended meanwhile. Built from
   * the store (not this in-memory doc) so it never includes anything that is not yet stored.
   */
  private compactInBackground(): void {
    if (this.compacting) return;
    this.compacting = true;
    this.appendsSinceCompaction = 0;
    void compactStoredLog(this.deps.store, this.name)
      .catch((error: unknown) =>
        this.deps.logger.warn({ err: error, doc: this.name }, 'compaction failed; will retry'),
      )
      .finally(() => {
        this.compacting = false;
      });
  }
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/** Replaces a doc's stored updates with one garbage-collected snapshot. */
export async function compactStoredLog(store: Store, name: string): Promise<boolean> {
  const stored = await store.loadDoc(name);
  if (stored.updates.length < 2) return false;
  const scratch = new Y.Doc();
  try {
    Y.transact(scratch, () => {
      for (const update of stored.updates) Y.applyUpdate(scratch, update);
    });
    const merged = Y.encodeStateAsUpdate(scratch);
    return await store.compactDoc(name, {
      generation: stored.generation,
      replaceCount: stored.updates.length,
      merged,
    });
  } finally {
    scratch.destroy();
  }
}

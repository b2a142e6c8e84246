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
import { MAX_YJS_MESSAGE_BYTES, YjsCloseCode, type WriteRefusedNotice } from '@setboard/shared';
import type { StandingCheck } from '../../access/connection-standing.js';
import type { WriteGate } from '../../boards/write-gate.js';
import type { Logger } from '../../logger.js';
import type { Store, StoredDoc } from '../../store/store.js';
import type { DocPeer, PeerIdentity } from './doc-peer.js';
import { PresenceRelay } from './presence-relay.js';
import { ServerAwareness } from './server-awareness.js';
import {
  encodeAwareness,
  encodeAwarenessMessage,
  encodeNotice,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
} from './messages.js';
import { checkIncomingUpdate, type UpdateVerdict } from './update-check.js';
import { deletedRangeCount } from './v1-layout.js';
import { mergeHere, type MergeUpdates } from './merge-worker.js';
import { RefusalBudget, ResyncBudget } from './peer-budgets.js';
import { OwedNotices } from './owed-notices.js';
import {
  ALLOWANCE_USED,
  BOARD_FULL,
  growthOf,
  type BoardLimits,
  type BoardSize,
  type LimitRefusal,
} from './board-limits.js';

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
  now: () => number;
  /** Whether connections still stand (session live, still a member), read from the store. */
  standing: StandingCheck;
  /** Told when this doc found a connection no longer stands, so its others close too. */
  onStandingLost?: (peer: PeerIdentity, code: number) => void;
  /** Each board's size limit and each person's daily allowance (Y22). */
  limits: BoardLimits;
  /** Told when a write was refused because the board is full (the facilitator is told). */
  onBoardFull?: (docName: string) => void;
  /** Merges a stored log for compaction, off the event loop (default: on this thread). */
  merge?: MergeUpdates;
}

/** How often a doc may re-read its stored log to catch up before judging an update. */
export const CATCH_UP_INTERVAL_MS = 500;

/** Whether an update may only look wrong because this instance is behind the store. */
function needsCatchUp(verdict: UpdateVerdict): boolean {
  if (!verdict.ok) return verdict.problem === 'would_pend';
  // One page writes under one client id; more means others' items this doc has not applied.
  const [first, ...rest] = verdict.decoded.structs;
  return rest.some((struct) => struct.id.client !== first!.id.client);
}

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
  private readonly refusals: RefusalBudget;
  private readonly resyncs: ResyncBudget;
  private lastCatchUp = Number.NEGATIVE_INFINITY;
  /** Set once the stored log is loaded. */
  private size: BoardSize | null = null;
  private readonly owed: OwedNotices;
  /** Peers whose sync step 1 has an answer waiting in the queue (at most one each). */
  private readonly syncAnswerQueued = new WeakSet<DocPeer>();
  /** The client ids each connection has been checked for owed notices. */
  private readonly checkedClients = new WeakMap<DocPeer, Set<number>>();
  /**
   * Connections whose access is known to be gone (removed, signed out): nothing more from them
   * is taken, and nothing more is sent to them, even before their socket has finished closing.
   */
  private readonly revoked = new WeakSet<DocPeer>();
  /** Outgoing messages not yet sent, in order; sent once their recipients' standing is read. */
  private readonly pendingOut: Array<{ recipients: DocPeer[]; message: () => Uint8Array }> = [];
  /** The run sending `pendingOut`, while there is one. */
  private outgoing: Promise<void> = Promise.resolve();
  private sendingOut = false;

  private constructor(
    readonly name: string,
    private readonly deps: SharedDocDeps,
  ) {
    // The server is not a participant: it has no awareness state of its own.
    this.awareness.setLocalState(null);
    let writer = randomClientId();
    while (writer === this.doc.clientID) writer = randomClientId();
    this.writerClientId = writer;
    this.refusals = new RefusalBudget(deps.now);
    this.resyncs = new ResyncBudget(deps.now);
    this.owed = new OwedNotices(deps.store, name);
    this.serverAwareness = new ServerAwareness(this.awareness, deps.gate, name);
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
    // The doc may have been rebuilt since this instance last had it open: read its client-id
    // bindings afresh (retired ids included, Y14).
    deps.gate.forgetBindingsOf(name);
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
    shared.size = deps.limits.sizeOf(shared.doc);
    // Right now the doc holds exactly the stored log: its state is the log merged, with no
    // second pass over thousands of updates.
    if (stored.updates.length > COMPACT_ON_LOAD_AFTER_UPDATES) shared.compactLoaded(stored);
    loaded = true;
    for (const update of early) shared.enqueue(() => shared.applyFromStore(update));
    return shared;
  }

  get peerCount(): number {
    return this.peers.size;
  }

  /**
   * Closes the connections matching `which` (one person's through one set, a session's) because
   * their access is gone: from now on nothing of theirs is taken and nothing is sent to them.
   */
  closePeersWhere(which: (peer: PeerIdentity) => boolean, code: number, reason: string): number {
    const leaving = [...this.peers.keys()].filter(which);
    for (const peer of leaving) this.shutOut(peer, code, reason);
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

  /**
   * Answers a peer's state vector with what it lacks, through the doc's queue, paid for from the
   * peer's budget by the bytes it sends (Y21), and sent once its standing is confirmed (Y11).
   * While an answer is queued, more sync step 1s from that peer are covered by it: its state
   * vector only grows, and the answer is worked out when its turn comes, so it carries all they
   * would.
   */
  answerSyncStep1(peer: DocPeer, peerStateVector: Uint8Array): void {
    // Read now, so a state vector that cannot be read closes the connection (4400) at once.
    Y.decodeStateVector(peerStateVector);
    if (this.syncAnswerQueued.has(peer)) return;
    this.syncAnswerQueued.add(peer);
    this.enqueue(async () => {
      // Messages that arrive together are handled in one turn of the event loop: without this,
      // a burst of step 1s would encode answer after answer (a whole board each) before anything
      // else — another request, another board — gets a turn.
      await new Promise((resolve) => setImmediate(resolve));
      this.syncAnswerQueued.delete(peer);
      if (!this.peers.has(peer) || this.revoked.has(peer)) return;
      const answer = encodeSyncStep2(this.doc, peerStateVector);
      if (!(await peer.spend(answer.byteLength))) {
        peer.close(YjsCloseCode.rateLimited, 'asked for too much');
        return;
      }
      this.sendOut([peer], () => answer);
    });
  }

  /** Queues an update from a peer: check → store → apply → broadcast. */
  receiveUpdate(peer: DocPeer, update: Uint8Array): void {
    this.enqueue(() =>
      this.integrateFromPeer(peer, update).catch((error: unknown) => {
        // The gate reads the store too (the writer's role, the meeting, client-id bindings): a
        // store that fails there cannot take the update either, so the client must hear it (Y7).
        this.deps.logger.error({ err: error, doc: this.name }, 'could not judge a Yjs update');
        peer.close(1011, 'could not store the change');
      }),
    );
  }

  /**
   * Applies an awareness update from a peer, with the identity the server knows written over
   * whatever the client claimed; states under someone else's client id are left out.
   */
  receiveAwareness(peer: DocPeer, update: Uint8Array): void {
    this.enqueue(async () => {
      if (this.revoked.has(peer)) return;
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
          const { update, result } = await this.deps.gate.bindAndPrepareServerWrite(
            this.name,
            this.doc,
            this.writerClientId,
            change,
          );
          await this.deps.store.appendUpdate(this.name, update);
          Y.applyUpdate(this.doc, update, FROM_SERVER);
          this.noteAppend(growthOf(update, deletedRangeCount(update)));
          resolve(result);
        } catch (error) {
          reject(error as Error);
        }
      });
    });
  }

  /** Sends every awareness state to one peer. */
  sendAllAwareness(peer: DocPeer): void {
    if (this.revoked.has(peer)) return;
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
    await this.outgoing;
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

  private async integrateFromPeer(peer: DocPeer, received: Uint8Array): Promise<void> {
    if (this.revoked.has(peer)) return;
    // Nothing is taken from someone whose access is gone: checked against the store for every
    // update, so a removal or sign-out holds from the next keystroke on every instance (Y11).
    // Read while the update is judged; awaited before anything is stored or sent.
    const stands = this.stillStands([peer]).then((standing) => standing.includes(peer));
    stands.catch(() => undefined); // awaited below, or the update was refused anyway
    if (!this.peers.has(peer)) {
      // The peer left after sending: its update is still valid work and must not be lost.
      this.deps.logger.debug({ doc: this.name }, 'integrating an update from a closed peer');
    }
    let verdict = checkIncomingUpdate(this.doc, received);
    if (needsCatchUp(verdict) && (await this.catchUpFromStore())) {
      // Another instance's items may not have reached this one yet (a subscription that
      // dropped, a slow relay): read the stored log before judging, never refuse for it (Y16).
      verdict = checkIncomingUpdate(this.doc, received);
    }
    if (!verdict.ok) {
      if (verdict.problem === 'would_pend') return this.askToResync(peer, verdict.detail);
      this.deps.logger.warn({ doc: this.name, ...verdict }, 'refused a Yjs update');
      const tooMany = verdict.problem === 'too_many_clients';
      peer.close(tooMany ? YjsCloseCode.rateLimited : YjsCloseCode.malformed, verdict.problem);
      return;
    }
    const { update, decoded } = verdict;
    const writer = decoded.structs[0]?.id.client;
    if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return;
    const decision = await this.deps.gate.bindAndJudge({
      docName: this.name,
      doc: this.doc,
      personId: peer.personId,
      connection: peer,
      update,
      decoded,
      writerClientId: this.writerClientId,
      lastGivenBackSection: this.refusals.lastSection(peer),
    });
    if (!(await stands) || this.revoked.has(peer)) {
      this.deps.logger.debug({ doc: this.name }, 'dropped an update from a revoked connection');
      return;
    }
    if (decision.kind === 'close') {
      this.deps.logger.warn({ doc: this.name, reason: decision.reason }, 'refused a Yjs update');
      peer.close(decision.code, decision.reason);
      return;
    }
    // A re-sync may arrive larger than the message cap (Y22); what is new in it may not. Judged
    // after the gate, so a copy from before a rebuild is closed as that (4410), whatever its size.
    if (update.byteLength > MAX_YJS_MESSAGE_BYTES) {
      this.deps.logger.warn({ doc: this.name, bytes: update.byteLength }, 'a change too large');
      peer.close(YjsCloseCode.tooLarge, 'change too large');
      return;
    }
    const overLimit = await this.overLimit(peer, growthOf(update, deletedRanges(decoded)));
    if (overLimit) {
      this.deps.logger.warn({ doc: this.name, reason: overLimit.reason }, 'refused a Yjs update');
      peer.close(overLimit.code, overLimit.reason);
      return;
    }
    // Only now: a client id the gate refused may be someone else's, with their notices.
    if (writer !== undefined) this.sendOwed(peer, writer);
    if (decision.kind === 'revert' && this.refusals.overBudget(peer, decision.notice)) {
      peer.close(YjsCloseCode.rateLimited, 'too many refused changes');
      return;
    }
    // A refused change still becomes part of the doc, undone: the sender's later updates build
    // on its items. Only the net result is stored and sent, to everyone, the sender included, so
    // the sender's view matches everyone's at once.
    const net = decision.kind === 'allow' ? update : decision.net;
    try {
      await this.deps.store.appendUpdate(this.name, net);
    } catch (error) {
      this.deps.logger.error({ err: error, doc: this.name }, 'could not store a Yjs update');
      // Transient: the client keeps its change and sends it again when it re-syncs.
      peer.close(1011, 'could not store the change');
      return;
    }
    Y.applyUpdate(this.doc, net, decision.kind === 'revert' ? FROM_SERVER : peer);
    const deleted = decision.kind === 'allow' ? deletedRanges(decoded) : deletedRangeCount(net);
    this.noteAppend(growthOf(net, deleted));
    if (decision.kind === 'revert') {
      const rules = decision.notice.refusals.map((refusal) => refusal.rule);
      this.deps.logger.info({ doc: this.name, rules }, 'reverted a write');
      await this.tell(peer, writer ?? null, decision.notice);
    }
  }

  /**
   * Whether `bytes` more from `peer` would pass the board's size limit or the person's daily
   * allowance (Y22). A full board tells the facilitator.
   */
  private async overLimit(peer: DocPeer, bytes: number): Promise<LimitRefusal | null> {
    if (this.size && !this.size.fits(bytes)) {
      this.deps.onBoardFull?.(this.name);
      return BOARD_FULL;
    }
    const allowed = await this.deps.limits.spend(this.name, peer.personId, bytes);
    return allowed ? null : ALLOWANCE_USED;
  }

  /** Keeps a notice for the writer's page until its receipt comes, and sends it (Y17). */
  private async tell(peer: DocPeer, writer: number | null, notice: WriteRefusedNotice) {
    if (writer !== null) await this.owed.owe(writer, notice);
    // After the net update it explains, which is on its way out.
    this.sendOut([peer], () => encodeNotice(notice));
  }

  /** The first time a connection speaks as `clientId`: send again what that page has not had. */
  private sendOwed(peer: DocPeer, clientId: number): void {
    const seen = this.checkedClients.get(peer) ?? new Set<number>();
    this.checkedClients.set(peer, seen);
    if (seen.has(clientId)) return;
    seen.add(clientId);
    void this.owed.owedTo(clientId).then(
      (notices) => {
        for (const notice of notices) peer.send(encodeNotice(notice));
      },
      (error: unknown) =>
        this.deps.logger.warn({ err: error, doc: this.name }, 'could not read owed notices'),
    );
  }

  /** A page's receipt for notice `id`: it was for one of the client ids that page writes as. */
  receiveReceipt(peer: DocPeer, id: string): void {
    for (const clientId of this.checkedClients.get(peer) ?? []) {
      void this.owed
        .acknowledge(clientId, id)
        .catch((error: unknown) =>
          this.deps.logger.warn({ err: error, doc: this.name }, 'could not forget a notice'),
        );
    }
  }

  /**
   * An update that depends on something this doc never received (the client sent it before its
   * re-sync, or the server lost the end of a connection): ask the client for everything we lack
   * with a sync step 1. Its answer carries this update too, so nothing is dropped (Y15).
   */
  private askToResync(peer: DocPeer, detail: string): void {
    if (!this.resyncs.allow(peer)) {
      this.deps.logger.warn({ doc: this.name, detail }, 'a peer keeps sending unusable updates');
      peer.close(YjsCloseCode.outOfSync, 'out of sync');
      return;
    }
    this.deps.logger.debug({ doc: this.name, detail }, 'asked a peer to re-sync');
    peer.send(encodeSyncStep1(this.doc));
  }

  /** Applies the stored log again (at most every CATCH_UP_INTERVAL_MS); true if it ran. */
  private async catchUpFromStore(): Promise<boolean> {
    const now = this.deps.now();
    if (now - this.lastCatchUp < CATCH_UP_INTERVAL_MS) return false;
    this.lastCatchUp = now;
    const stored = await this.deps.store.loadDoc(this.name);
    Y.transact(
      this.doc,
      () => {
        for (const update of stored.updates) Y.applyUpdate(this.doc, update, FROM_STORE);
      },
      FROM_STORE,
    );
    // What that brought in is unknown (mostly what the doc had already): measure afresh.
    this.size?.measure();
    return true;
  }

  private applyFromStore(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, FROM_STORE);
    // Counted from the delete set's bytes: Yjs has just decoded the whole update once.
    this.size?.grew(growthOf(update, deletedRangeCount(update)));
  }

  private broadcast(update: Uint8Array, origin: unknown): void {
    const recipients = [...this.peers.keys()].filter((peer) => peer !== origin);
    if (recipients.length === 0) return;
    const message = encodeUpdate(update);
    this.sendOut(recipients, () => message);
  }

  /**
   * Sends `message()` to each recipient that still stands, as read from the store after this
   * call, in the order these calls were made (Y11): someone removed or signed out receives
   * nothing written after, whether or not this instance heard of it. Messages queued while a
   * read is under way share the next one.
   */
  private sendOut(recipients: DocPeer[], message: () => Uint8Array): void {
    this.pendingOut.push({ recipients, message });
    if (this.sendingOut) return;
    this.sendingOut = true;
    this.outgoing = this.sendPending();
  }

  private async sendPending(): Promise<void> {
    try {
      while (this.pendingOut.length > 0) {
        const batch = this.pendingOut.splice(0);
        const everyone = [...new Set(batch.flatMap(({ recipients }) => recipients))];
        let standing: Set<DocPeer>;
        try {
          standing = new Set(await this.stillStands(everyone));
        } catch (error) {
          // Unsure who may read it: send nothing; the peers re-sync when they reconnect.
          this.deps.logger.error({ err: error, doc: this.name }, 'could not confirm who may read');
          for (const peer of everyone) peer.close(1011, 'try again');
          continue;
        }
        for (const { recipients, message } of batch) {
          const to = recipients.filter((peer) => standing.has(peer) && !this.revoked.has(peer));
          if (to.length === 0) continue;
          const bytes = message();
          for (const peer of to) peer.send(bytes);
        }
      }
    } finally {
      this.sendingOut = false; // in the same turn as the loop's last check: nothing is stranded
    }
  }

  /** The peers (of `candidates`) whose access stands; the others are shut out now. */
  private async stillStands(candidates: DocPeer[]): Promise<DocPeer[]> {
    const asked = candidates.filter((peer) => !peer.isServer && !this.revoked.has(peer));
    const verdicts = await this.deps.standing(asked);
    const standing: DocPeer[] = candidates.filter((peer) => peer.isServer);
    asked.forEach((peer, index) => {
      const code = verdicts[index];
      if (this.revoked.has(peer)) return;
      if (code === null || code === undefined) {
        standing.push(peer);
        return;
      }
      this.shutOut(
        peer,
        code,
        code === YjsCloseCode.unauthenticated ? 'signed out' : 'access removed',
      );
      this.deps.onStandingLost?.(peer, code);
    });
    return standing;
  }

  /** Marks a connection revoked (nothing more in or out) and closes it. */
  private shutOut(peer: DocPeer, code: number, reason: string): void {
    this.revoked.add(peer);
    peer.close(code, reason);
  }

  private relayAwareness(change: AwarenessChange, origin: unknown): void {
    const changed = [...change.added, ...change.updated, ...change.removed];
    const owned = this.peers.get(origin as DocPeer);
    if (owned) {
      for (const client of change.added) {
        owned.add(client);
        this.sendOwed(origin as DocPeer, client);
      }
      for (const client of change.removed) owned.delete(client);
    }
    // Our own peers' presence (or its removal when they leave) goes to the other instances too.
    const shareWithOthers = origin !== FROM_STORE;
    if (changed.length === 0 || (!shareWithOthers && this.peers.size === 0)) return;
    // A peer's update goes on as the bytes just applied, not encoded again from the states
    // (unless something else changed one of them while its owner was looked up); anything else
    // is encoded once, for the other instances and this one's peers alike.
    const applying = owned ? this.serverAwareness.applying : null;
    const update =
      applying && applying.states === changed.length
        ? applying.bytes
        : awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    if (shareWithOthers) this.presence.share(update);
    if (this.peers.size === 0) return;
    const message = encodeAwarenessMessage(update);
    for (const peer of this.peers.keys()) if (!this.revoked.has(peer)) peer.send(message);
  }

  /** An update was stored that can grow the board by `growth` bytes. */
  private noteAppend(growth: number): void {
    this.size?.grew(growth);
    this.appendsSinceCompaction += 1;
    if (this.appendsSinceCompaction >= COMPACT_EVERY_UPDATES) this.compactInBackground();
  }

  /**
   * Rewrites the stored log as one snapshot plus whatever was appended meanwhile. Built from
   * the store (not this in-memory doc) so it never includes anything that is not yet stored.
   */
  private compactInBackground(): void {
    this.compactWith(() => compactStoredLog(this.deps.store, this.name, this.deps.merge));
  }

  /** Replaces the log just loaded by the doc's state (which is that log, merged). */
  private compactLoaded(stored: StoredDoc): void {
    const merged = Y.encodeStateAsUpdate(this.doc);
    this.compactWith(() =>
      this.deps.store.compactDoc(this.name, {
        generation: stored.generation,
        replaceCount: stored.updates.length,
        merged,
      }),
    );
  }

  private compactWith(compact: () => Promise<boolean>): void {
    if (this.compacting) return;
    this.compacting = true;
    this.appendsSinceCompaction = 0;
    void compact()
      .catch((error: unknown) =>
        this.deps.logger.warn({ err: error, doc: this.name }, 'compaction failed; will retry'),
      )
      .finally(() => {
        this.compacting = false;
      });
  }
}

/** How many deleted ranges an update carries. */
function deletedRanges(decoded: { ds: { clients: Map<number, unknown[]> } }): number {
  let count = 0;
  for (const ranges of decoded.ds.clients.values()) count += ranges.length;
  return count;
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * Replaces a doc's stored updates with one garbage-collected snapshot, merged by `merge` (the
 * server's merge worker; on this thread by default).
 */
export async function compactStoredLog(
  store: Store,
  name: string,
  merge: MergeUpdates = mergeHere,
): Promise<boolean> {
  const stored = await store.loadDoc(name);
  if (stored.updates.length < 2) return false;
  const merged = await merge(stored.updates);
  return store.compactDoc(name, {
    generation: stored.generation,
    replaceCount: stored.updates.length,
    merged,
  });
}

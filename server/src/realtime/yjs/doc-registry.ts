/**
 * The documents this instance holds open. A doc is loaded when its first connection arrives and
 * released (after its queue drains) when its last one leaves. A doc being released is fully
 * flushed before it can be loaded again, so a fresh load never misses a late write.
 */
import type * as Y from 'yjs';
import { YjsCloseCode } from '@setboard/shared';
import type { ServerDocWriter } from '../../boards/server-doc-writer.js';
import type { DocPeer, PeerIdentity } from './doc-peer.js';
import { compactStoredLog, SharedDoc, type SharedDocDeps } from './shared-doc.js';

export class DocRegistry implements ServerDocWriter {
  private readonly open = new Map<string, Promise<SharedDoc>>();
  private readonly releasing = new Map<string, Promise<void>>();
  /** Docs dropped by `evict` while their connections were still closing. */
  private readonly evicted = new WeakSet<SharedDoc>();
  private closed = false;

  private readonly deps: SharedDocDeps;

  constructor(deps: SharedDocDeps) {
    // A doc that finds a connection no longer stands closes that person's others here too.
    const closeTheirOthers = (peer: PeerIdentity, code: number): void => {
      const closing =
        code === YjsCloseCode.forbidden && peer.setId !== null
          ? this.closeConnectionsOf(peer.setId, peer.personId, code)
          : this.closeSessionConnections(peer.sessionKey, code);
      closing.catch((error: unknown) =>
        deps.logger.error({ err: error }, 'could not close revoked connections'),
      );
    };
    this.deps = { ...deps, onStandingLost: closeTheirOthers };
  }

  /** Opens (or joins) a doc for a peer; resolves once the peer has been added. */
  async join(name: string, peer: DocPeer): Promise<SharedDoc> {
    if (this.closed) throw new Error('the document registry is closed');
    await this.releasing.get(name);
    let loading = this.open.get(name);
    if (!loading) {
      loading = SharedDoc.load(name, this.deps);
      this.open.set(name, loading);
      loading.catch(() => this.open.delete(name));
    }
    const shared = await loading;
    shared.addPeer(peer);
    return shared;
  }

  /**
   * Runs a server-side change on a doc (held open for the duration, loaded if needed): `change`
   * runs on a copy; the result is stored, then applied and sent to everyone who has it open.
   * Whatever `change` throws is thrown here, and then nothing was stored.
   */
  async writeAsServer<T>(name: string, change: (doc: Y.Doc) => T): Promise<T> {
    const holder: DocPeer = {
      personId: '@server',
      displayName: '',
      sessionKey: '',
      setId: null,
      isServer: true,
      send: () => undefined,
      close: () => undefined,
      spend: () => Promise.resolve(true),
    };
    const shared = await this.join(name, holder);
    try {
      return await shared.writeAsServer(change);
    } finally {
      this.leave(shared, holder);
    }
  }

  /**
   * Rewrites the doc's stored log as one snapshot now, so content deleted on purpose (a slot
   * record its presenter cleared) no longer lies in the store's older updates.
   */
  async compactNow(name: string): Promise<void> {
    await this.open.get(name)?.then((shared) => shared.flush());
    await compactStoredLog(this.deps.store, name, this.deps.merge);
  }

  /** Removes a peer; releases the doc when nobody on this instance has it open. */
  leave(shared: SharedDoc, peer: DocPeer): void {
    shared.removePeer(peer);
    if (shared.peerCount > 0 || this.closed || this.evicted.has(shared)) return;
    this.open.delete(shared.name);
    const release = shared
      .destroy()
      .catch((error: unknown) =>
        this.deps.logger.error({ err: error, doc: shared.name }, 'releasing a doc failed'),
      )
      .finally(() => this.releasing.delete(shared.name));
    this.releasing.set(shared.name, release);
  }

  /**
   * Drops this instance's copy of `name` now (its stored log is about to be rebuilt, Y14): every
   * connection to it is closed with `code`, and the next one loads the doc afresh from the store
   * instead of joining the old copy while the old connections finish closing. Resolves once the
   * old copy's queued writes are stored, so a rebuild that loads after it sees them.
   */
  async evict(name: string, code: number, reason: string): Promise<void> {
    const loading = this.open.get(name);
    if (!loading) return this.releasing.get(name);
    this.open.delete(name);
    const release = loading
      .then(async (shared) => {
        this.evicted.add(shared);
        await shared.destroy(code, reason);
      })
      .catch((error: unknown) =>
        this.deps.logger.error({ err: error, doc: name }, 'dropping a rebuilt doc failed'),
      )
      .finally(() => this.releasing.delete(name));
    this.releasing.set(name, release);
    return release;
  }

  /** Closes, at once, every connection of `personId` admitted through set `setId`. */
  closeConnectionsOf(setId: string, personId: string, code: number): Promise<number> {
    return this.closeWhere(
      (peer) => peer.setId === setId && peer.personId === personId,
      code,
      'access removed',
    );
  }

  /** Closes, at once, every connection a session opened (it has ended). */
  closeSessionConnections(sessionKey: string, code: number): Promise<number> {
    return this.closeWhere((peer) => peer.sessionKey === sessionKey, code, 'signed out');
  }

  private async closeWhere(
    which: (peer: PeerIdentity) => boolean,
    code: number,
    reason: string,
  ): Promise<number> {
    const docs = await Promise.allSettled([...this.open.values()]);
    let closed = 0;
    for (const result of docs) {
      if (result.status === 'fulfilled')
        closed += result.value.closePeersWhere(which, code, reason);
    }
    return closed;
  }

  /** Number of docs held open (for tests and metrics). */
  get openCount(): number {
    return this.open.size;
  }

  /** Closes every connection with `code` and waits until every queued update is stored. */
  async close(code: number, reason: string): Promise<void> {
    this.closed = true;
    const docs = await Promise.allSettled([...this.open.values()]);
    this.open.clear();
    await Promise.all(
      docs.map((result) =>
        result.status === 'fulfilled' ? result.value.destroy(code, reason) : undefined,
      ),
    );
    await Promise.all(this.releasing.values());
  }
}

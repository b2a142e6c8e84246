/**
 * Budgets a connection spends on work that is not plain writing (docs/protocol.md Y13, Y15): an
 * honest page re-joining after any time offline, with any amount of typing, stays well inside
 * them; a page that keeps doing it is closed.
 */
import type { WriteRefusedNotice } from '@setboard/shared';
import type { DocPeer } from './doc-peer.js';

const MINUTE_MS = 60_000;

/**
 * Sections a connection may newly be refused in per minute (Y13). Keystrokes that carry on into
 * a section already refused are one episode, not one each: a sentence typed while the stage
 * moved on costs one, however long it is.
 */
export const MAX_REFUSED_SECTIONS_PER_MINUTE = 20;
/** Refused updates per minute, whatever their sections: each costs copies of the doc. */
export const MAX_REFUSED_UPDATES_PER_MINUTE = 600;
/** Re-syncs the server may ask of one connection per minute before closing it (Y15). */
export const MAX_RESYNCS_PER_MINUTE = 10;

/** Times within the last minute, oldest first. */
function recent(times: number[], now: number): number[] {
  const from = times.findIndex((at) => now - at < MINUTE_MS);
  return from === -1 ? [] : times.slice(from);
}

export class RefusalBudget {
  private readonly byPeer = new WeakMap<
    DocPeer,
    { sections: Map<string, number>; episodes: number[]; updates: number[]; last: string }
  >();

  constructor(private readonly now: () => number) {}

  /** The section this peer was last refused in, if any. */
  lastSection(peer: DocPeer): string | null {
    return this.byPeer.get(peer)?.last || null;
  }

  /** Counts a refused update; true once the peer has gone over either budget. */
  overBudget(peer: DocPeer, notice: WriteRefusedNotice): boolean {
    const now = this.now();
    const spent = this.byPeer.get(peer) ?? {
      sections: new Map(),
      episodes: [],
      updates: [],
      last: '',
    };
    spent.episodes = recent(spent.episodes, now);
    spent.updates = recent(spent.updates, now);
    spent.updates.push(now);
    for (const { section } of notice.refusals) {
      const last = spent.sections.get(section);
      if (last === undefined || now - last >= MINUTE_MS) spent.episodes.push(now);
      spent.sections.set(section, now);
      spent.last = section;
    }
    this.byPeer.set(peer, spent);
    return (
      spent.episodes.length > MAX_REFUSED_SECTIONS_PER_MINUTE ||
      spent.updates.length > MAX_REFUSED_UPDATES_PER_MINUTE
    );
  }
}

export class ResyncBudget {
  private readonly byPeer = new WeakMap<DocPeer, number[]>();

  constructor(private readonly now: () => number) {}

  /** Counts a re-sync request; false once the peer has needed too many. */
  allow(peer: DocPeer): boolean {
    const now = this.now();
    const times = recent(this.byPeer.get(peer) ?? [], now);
    times.push(now);
    this.byPeer.set(peer, times);
    return times.length <= MAX_RESYNCS_PER_MINUTE;
  }
}

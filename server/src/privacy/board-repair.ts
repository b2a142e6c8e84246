/**
 * Repairing a board (docs/protocol.md Y22): one that grew too large — a long, busy history, or a
 * member filling it on purpose — is rebuilt from what it holds now into a fresh document. The
 * content stays, written under the same people's names; the history of changes (every deleted
 * character's tombstone) goes. Every open page is closed with 4410 and loads the board afresh,
 * exactly as after an erasure (Y14), whose machinery this shares.
 *
 * Whoever can repair a board is told when it fills up: the set's facilitator, or a learning
 * log's owner.
 */
import * as Y from 'yjs';
import {
  boardFullReminder,
  boardPathOf,
  docAccessRule,
  mayRebuildBoard,
  parseDocName,
} from '@setboard/shared';
import type { Sets } from '../access/sets.js';
import { bindRebuiltWriters } from '../boards/client-ids.js';
import type { Notifications } from '../reminders/notifications.js';
import type { Store } from '../store/store.js';
import { rebuildAsIs, type RebuiltDoc } from './doc-rebuild.js';
import { rebuildNumberOf, rewriteStoredDoc, type LiveDocs } from './doc-rewrite.js';
import { allClientIdBindings } from './set-docs.js';

export interface BoardRepairDeps {
  store: Store;
  live: LiveDocs;
  sets: Sets;
  notifications: Notifications;
  now: () => number;
}

/** A board's encoded size before and after a repair. */
export interface RepairOutcome {
  bytesBefore: number;
  bytesAfter: number;
}

export class BoardRepair {
  constructor(private readonly deps: BoardRepairDeps) {}

  /** The people who may repair `docName` (`mayRebuildBoard`): its facilitators, or its owner. */
  async repairersOf(docName: string): Promise<string[]> {
    const parsed = parseDocName(docName);
    if (!parsed) return [];
    const rule = docAccessRule(docName);
    const set = rule.kind === 'set' ? await this.deps.sets.get(rule.setId) : null;
    const candidates =
      rule.kind === 'owner'
        ? [{ personId: rule.personId, setRole: null }]
        : Object.entries(set?.members ?? {})
            .filter(([, member]) => member.status === 'active')
            .map(([personId, member]) => ({ personId, setRole: member.role }));
    return candidates
      .filter((candidate) => mayRebuildBoard({ kind: parsed.kind, docId: parsed.id, ...candidate }))
      .map((candidate) => candidate.personId);
  }

  /** Rebuilds `docName` from its current content; null when nothing is stored. */
  async repair(docName: string): Promise<RepairOutcome | null> {
    const { store } = this.deps;
    const writers = new Map(
      (await allClientIdBindings(store))
        .filter((binding) => binding.docName === docName)
        .map((binding) => [binding.clientId, binding.personId]),
    );
    let rebuilt: RebuiltDoc | null = null;
    let bytesBefore = 0;
    const rewritten = await rewriteStoredDoc(
      { store, live: this.deps.live, now: this.deps.now },
      docName,
      (stored: Y.Doc) => {
        bytesBefore = Y.encodeStateAsUpdate(stored).byteLength;
        rebuilt = rebuildAsIs(docName, stored, (clientId) => writers.get(clientId));
        return rebuilt?.state ?? null;
      },
    );
    if (!rewritten || !rebuilt) return null;
    const { state, writers: newWriters } = rebuilt as RebuiltDoc;
    await bindRebuiltWriters(store, docName, newWriters);
    return { bytesBefore, bytesAfter: state.byteLength };
  }

  /** Tells whoever can repair `docName` that it is full (once per rebuild of it). */
  async tellFull(docName: string): Promise<void> {
    const link = boardPathOf(docName);
    if (!link) return;
    const rule = docAccessRule(docName);
    const set = rule.kind === 'set' ? await this.deps.sets.get(rule.setId) : null;
    const rebuild = await rebuildNumberOf(this.deps.store, docName);
    const board = { docName, rebuild, link, setName: set?.name ?? null };
    for (const personId of await this.repairersOf(docName)) {
      await this.deps.notifications.create(boardFullReminder(personId, board, this.deps.now()));
    }
  }
}

/**
 * The write gate: every incoming Yjs update is judged here before anyone else sees it
 * (docs/architecture.md, "Boards and the write gate"; docs/protocol.md, rules W0–W16 and G-rules).
 *
 * 1. Its structs must be under client ids that belong to the sender (or are new: then they do).
 * 2. Every section it inserts into or deletes from is resolved and put to `mayWrite`.
 * 3. All allowed: it goes on as it is. Some refused: the net update (refused roots undone) goes
 *    on instead, and the sender is told, with their text. Writes outside any known section of
 *    the board, or updates whose items cannot be placed, close the connection.
 */
import { randomUUID } from 'node:crypto';
import type * as Y from 'yjs';
import {
  mayWrite,
  parseDocName,
  rootTypeOf,
  YjsCloseCode,
  isLive,
  type BoardRootType,
  type BoardSection,
  type BoardWriteContext,
  type GivenBack,
  type WriteRefusedNotice,
} from '@setboard/shared';
import type { BoardContextLoader, GateContext } from './board-context.js';
import { RETIRED, SERVER_WRITER, type ClientIdBindings, type Resolution } from './client-ids.js';
import {
  netOfRefusedInsertions,
  netOfRevertedUpdate,
  serverChangeUpdate,
} from './revert-forbidden.js';
import { sectionsTouched, UnresolvableUpdate, type DecodedUpdate } from './update-sections.js';

export type GateDecision =
  | { kind: 'allow' }
  | { kind: 'revert'; net: Uint8Array; notice: WriteRefusedNotice }
  /** Allowed, but only in this form: items under collected content travel collected. */
  | { kind: 'collect'; net: Uint8Array }
  | { kind: 'close'; code: number; reason: string };

export interface GateInput {
  docName: string;
  doc: Y.Doc;
  personId: string;
  /** The connection it came on: new client ids are limited per connection. */
  connection: object;
  update: Uint8Array;
  decoded: DecodedUpdate;
  /** The client id the server writes reverts with, for this doc on this instance. */
  writerClientId: number;
  /**
   * The section this writer was last given words back from, if any: text they typed on into a
   * place the revert removed belongs with it (docs/protocol.md Y13).
   */
  lastGivenBackSection: string | null;
}

/** Said of words typed into a place that no longer exists. */
export const PLACE_REMOVED_REASON =
  'The place you were writing in was removed while you typed, so these words were not saved.';

export class WriteGate {
  constructor(
    private readonly bindings: ClientIdBindings,
    private readonly contextFor: BoardContextLoader,
  ) {}

  /**
   * Binds the update's new client ids to the sender (stored records: from then on only they
   * write under them), then judges it. Refusing a change also binds `writerClientId` to the
   * server, which writes the revert under it.
   */
  async bindAndJudge(input: GateInput): Promise<GateDecision> {
    const parsed = parseDocName(input.docName);
    if (!parsed) return { kind: 'close', code: YjsCloseCode.notFound, reason: 'no such document' };
    const clients = new Set(input.decoded.structs.map((struct) => struct.id.client));
    const foreign = await this.bindings.claim(
      input.docName,
      clients,
      input.personId,
      input.connection,
    );
    if (foreign === 'over') {
      return { kind: 'close', code: YjsCloseCode.rateLimited, reason: 'too many client ids' };
    }
    if (foreign?.owner === RETIRED) {
      // A copy from before the board was rebuilt (Y14): it must be dropped, not written back.
      return { kind: 'close', code: YjsCloseCode.rebuilt, reason: 'a copy from before a rebuild' };
    }
    if (foreign) {
      return { kind: 'close', code: YjsCloseCode.forbidden, reason: 'client id in use by another' };
    }
    let touched, orphanText, orphans, rootNameOf, deletesInDoc;
    try {
      ({ touched, orphanText, orphans, rootNameOf, deletesInDoc } = sectionsTouched(
        input.doc,
        input.decoded,
        parsed.kind,
      ));
    } catch (error) {
      if (!(error instanceof UnresolvableUpdate)) throw error;
      return { kind: 'close', code: YjsCloseCode.malformed, reason: error.message };
    }
    if (touched.size === 0 && orphans === 0) return { kind: 'allow' };
    const sections = [...touched.values()].map(({ section }) => section);
    const context = await this.contextFor(input.docName, input.personId, sections);
    const refused: Array<{ root: [string, BoardRootType] } & GivenBack> = [];
    for (const { section, rootName, insertedText } of touched.values()) {
      const verdict = mayWrite(context, section);
      if (verdict.allowed) continue;
      const rootType = rootTypeOf(parsed.kind, rootName);
      if (!rootType || !mayCreate(context, rootName, section)) {
        // Reverting keeps the root's name in the doc, and a name can carry anything: refused
        // before any of it is stored or sent (docs/protocol.md W0).
        return { kind: 'close', code: YjsCloseCode.forbidden, reason: 'writes outside the board' };
      }
      refused.push({
        root: [rootName, rootType],
        section: section.key === null ? section.root : `${section.root}:${section.key}`,
        rule: verdict.rule,
        reason: verdict.reason,
        text: insertedText.join(''),
      });
    }
    const givenBack: GivenBack[] =
      orphanText.length === 0
        ? []
        : [
            {
              section: input.lastGivenBackSection ?? 'removed',
              rule: 'W0',
              reason: PLACE_REMOVED_REASON,
              text: orphanText.join(''),
            },
          ];
    if (refused.length === 0 && orphans === 0) return { kind: 'allow' };
    if (refused.length === 0) {
      // Nothing to undo, but items under collected content: Yjs collects them on arrival, so
      // what is stored and sent is the collected form (their length, none of their content).
      const net =
        netOfRefusedInsertions(input.doc, input.decoded, (item) => rootNameOf(item) === null) ??
        netOfRevertedUpdate(input.doc, input.update, [], input.writerClientId);
      if (givenBack.length === 0) return { kind: 'collect', net };
      return {
        kind: 'revert',
        net,
        notice: {
          type: 'write_refused',
          id: randomUUID(),
          refusals: givenBack,
          movedTo: whereTheMeetingIs(context),
        },
      };
    }
    const roots = new Map(refused.map(({ root }) => root));
    const net =
      this.netWithoutCopy(input, roots, rootNameOf, deletesInDoc) ??
      (await this.netFromCopy(input, roots));
    const notice: WriteRefusedNotice = {
      type: 'write_refused',
      id: randomUUID(),
      refusals: [
        ...refused.map(({ section, rule, reason, text }) => ({ section, rule, reason, text })),
        ...givenBack,
      ],
      movedTo: whereTheMeetingIs(context),
    };
    return { kind: 'revert', net, notice };
  }

  /** The net of a refused update that only adds under its refused roots (no copy of the doc). */
  private netWithoutCopy(
    input: GateInput,
    roots: ReadonlyMap<string, BoardRootType>,
    rootNameOf: (item: Y.Item) => string | null,
    deletesInDoc: ReadonlySet<string>,
  ): Uint8Array | null {
    for (const root of roots.keys()) if (deletesInDoc.has(root)) return null;
    return netOfRefusedInsertions(input.doc, input.decoded, (item) => {
      const root = rootNameOf(item);
      return root === null || roots.has(root);
    });
  }

  /** The net of a refused update by undoing it on a copy: the server writes what it restores. */
  private async netFromCopy(
    input: GateInput,
    roots: ReadonlyMap<string, BoardRootType>,
  ): Promise<Uint8Array> {
    await this.bindings.claim(input.docName, [input.writerClientId], SERVER_WRITER, null);
    return netOfRevertedUpdate(input.doc, input.update, roots, input.writerClientId);
  }

  /**
   * The gate's part in a change the server makes itself (a question put, a carried-over slot):
   * binds `writerClientId` to the server (a stored record, so no page can write under it), then
   * runs `change` on a copy of `doc` and returns the update it made, not yet stored or applied.
   * Whatever `change` throws is thrown here.
   */
  async bindAndPrepareServerWrite<T>(
    docName: string,
    doc: Y.Doc,
    writerClientId: number,
    change: (scratch: Y.Doc) => T,
  ): Promise<{ update: Uint8Array; result: T }> {
    await this.bindings.claim(docName, [writerClientId], SERVER_WRITER, null);
    let result!: T;
    const update = serverChangeUpdate(doc, writerClientId, (scratch) => {
      result = change(scratch);
    });
    return { update, result };
  }

  /**
   * Who owns each awareness client id in `clientIds` on `docName`; those nobody owned are bound to
   * `personId` now (stored records, in one write), so nobody else can appear under them (W16).
   * `connection` is the sender's, whose new ids count against its limits (Y20).
   */
  resolveOwners(
    docName: string,
    clientIds: Iterable<number>,
    personId: string,
    connection: object,
  ): Promise<Resolution> {
    return this.bindings.resolve(docName, clientIds, personId, connection);
  }

  /** How many client ids one message may name that must be looked up (Y20). */
  get lookupsPerMessage(): number {
    return this.bindings.limits.lookupsPerMessage;
  }

  /** Reads `docName`'s client-id bindings afresh (it is being loaded: it may be rebuilt, Y14). */
  forgetBindingsOf(docName: string): void {
    this.bindings.forgetDoc(docName);
  }
}

/**
 * Whether a refused write's root is one this doc may hold at all. A per-person root
 * (`expectations:<personId>`) must name someone in the set: any other name is text of the
 * writer's choosing, which a revert would keep in the doc. Shared roots have the board's own
 * names. (Log entries, `entry:<entryId>`, are their owner's alone and never refused.)
 */
function mayCreate(context: GateContext, rootName: string, section: BoardSection): boolean {
  if (rootName === section.root || section.key === null || !context.setMemberIds) return true;
  return context.setMemberIds.has(section.key);
}

/** The slot's stage (on a slot board being presented) or the meeting's phase, while it runs. */
function whereTheMeetingIs(context: BoardWriteContext): string | null {
  const { meeting } = context;
  if (!meeting || !isLive(meeting)) return null;
  if (context.kind === 'slot' && meeting.currentSlotId === context.docId) {
    const slot = meeting.slots.find((candidate) => candidate.id === context.docId);
    if (slot) return slot.stage;
  }
  return meeting.phase;
}

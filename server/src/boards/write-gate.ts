/**
 * The write gate: every incoming Yjs update is judged here before anyone else sees it
 * (DESIGN.md, "Boards and the write gate"; docs/protocol.md, rules W0–W14 and G-rules).
 *
 * 1. Its structs must be under client ids that belong to the sender (or are new: then they do).
 * 2. Every section it inserts into or deletes from is resolved and put to `mayWrite`.
 * 3. All allowed: it goes on as it is. Some refused: the net update (refused roots undone) goes
 *    on instead, and the sender is told, with their text. Writes outside any known section of
 *    the board, or updates whose items cannot be placed, close the connection.
 */
import type * as Y from 'yjs';
import {
  mayWrite,
  parseDocName,
  rootTypeOf,
  YjsCloseCode,
  type BoardRootType,
  type WriteRefusedNotice,
} from '@setboard/shared';
import type { BoardContextLoader } from './board-context.js';
import { SERVER_WRITER, type ClientIdBindings } from './client-ids.js';
import { netOfRevertedUpdate } from './revert-forbidden.js';
import { sectionsTouched, UnresolvableUpdate, type DecodedUpdate } from './update-sections.js';

export type GateDecision =
  | { kind: 'allow' }
  | { kind: 'revert'; net: Uint8Array; notice: WriteRefusedNotice }
  | { kind: 'close'; code: number; reason: string };

export interface GateInput {
  docName: string;
  doc: Y.Doc;
  personId: string;
  update: Uint8Array;
  decoded: DecodedUpdate;
  /** The client id the server writes reverts with, for this doc on this instance. */
  writerClientId: number;
}

export class WriteGate {
  constructor(
    readonly bindings: ClientIdBindings,
    private readonly contextFor: BoardContextLoader,
  ) {}

  async judge(input: GateInput): Promise<GateDecision> {
    const parsed = parseDocName(input.docName);
    if (!parsed) return { kind: 'close', code: YjsCloseCode.notFound, reason: 'no such document' };
    const clients = new Set(input.decoded.structs.map((struct) => struct.id.client));
    const foreign = await this.bindings.claim(input.docName, clients, input.personId);
    if (foreign) {
      return { kind: 'close', code: YjsCloseCode.forbidden, reason: 'client id in use by another' };
    }
    let touched;
    try {
      touched = sectionsTouched(input.doc, input.decoded, parsed.kind);
    } catch (error) {
      if (!(error instanceof UnresolvableUpdate)) throw error;
      return { kind: 'close', code: YjsCloseCode.malformed, reason: error.message };
    }
    if (touched.size === 0) return { kind: 'allow' };
    const sections = [...touched.values()].map(({ section }) => section);
    const context = await this.contextFor(input.docName, input.personId, sections);
    const refused: Array<{ root: [string, BoardRootType]; rule: string; reason: string }> = [];
    const notice: WriteRefusedNotice = {
      type: 'write_refused',
      rules: [],
      reasons: [],
      sections: [],
      text: '',
    };
    const texts: string[] = [];
    for (const { section, rootName, insertedText } of touched.values()) {
      const verdict = mayWrite(context, section);
      if (verdict.allowed) continue;
      const rootType = rootTypeOf(parsed.kind, rootName);
      if (!rootType) {
        return { kind: 'close', code: YjsCloseCode.forbidden, reason: 'writes outside the board' };
      }
      refused.push({ root: [rootName, rootType], rule: verdict.rule, reason: verdict.reason });
      notice.rules.push(verdict.rule);
      notice.reasons.push(verdict.reason);
      notice.sections.push(section.key === null ? section.root : `${section.root}:${section.key}`);
      texts.push(insertedText.join(''));
    }
    if (refused.length === 0) return { kind: 'allow' };
    await this.bindings.claim(input.docName, [input.writerClientId], SERVER_WRITER);
    const roots = new Map(refused.map(({ root }) => root));
    const net = netOfRevertedUpdate(input.doc, input.update, roots, input.writerClientId);
    notice.text = texts.filter((text) => text !== '').join('\n');
    return { kind: 'revert', net, notice };
  }
}

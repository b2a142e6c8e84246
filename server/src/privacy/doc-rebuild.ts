/**
 * Rebuilding a board without one person's words: the heart of erasure (docs/privacy.md).
 *
 * 1. In the loaded doc, delete every item the person wrote (their Yjs client ids, from the
 *    stored client-id bindings) and every section that is theirs by structure (their
 *    per-person roots such as `reflections:<personId>`, their key in `agreements`). Yjs then
 *    garbage-collects the deleted content.
 * 2. Copy what is left, value by value, into a fresh Y.Doc and encode its state. The fresh doc
 *    has no history: no tombstones, none of the old client ids, nothing to undo back to.
 * 3. Who wrote what survives the copy: each writer's items are written in the fresh doc under a
 *    new client id of theirs (one per writer), which the caller binds to them. A later erasure
 *    of someone else then still finds their words, however many rebuilds came before.
 *
 * Under the "keep" policy, text the person wrote in shared sections stays (it is the set's),
 * but nothing in the rebuilt doc says whose it was: their items are written under an id bound
 * to `FORMER_MEMBER`, and any field that named them now names `FORMER_MEMBER`.
 */
import { randomInt } from 'node:crypto';
import * as Y from 'yjs';
import { parseDocName, rootTypeOf, sectionOf, type DocKind } from '@setboard/shared';
import { SERVER_WRITER } from '../boards/client-ids.js';

/** The shared types a board holds. */
type SharedType = Y.Text | Y.Array<unknown> | Y.Map<unknown> | Y.XmlFragment;

/** The part of a Yjs type that holds its items (a list, and a map's entries). */
interface ItemList {
  _start: Y.Item | null;
  _map: Map<string, Y.Item>;
}

/** Stands in for an erased person wherever a record named them (shown as "a former member"). */
export const FORMER_MEMBER = 'former-member';

/** What happens to what the person wrote in shared sections. */
export type SharedWordsPolicy = 'remove' | 'keep';

export interface Erasee {
  personId: string;
  /** The Yjs client ids bound to them in this doc. */
  clientIds: ReadonlySet<number>;
  shared: SharedWordsPolicy;
  /**
   * Sections that are theirs by the board's structure though not named after them: a slot's
   * issue, outcome wanted, actions and summary belong to its presenter. Found by structure, they
   * go whoever typed them (a co-presenter's edit, text pasted by the facilitator).
   */
  ownedRoots?: ReadonlySet<string>;
}

/** The sections of a slot board that are its presenter's (W1, W2, W5). */
export const PRESENTER_ROOTS: ReadonlySet<string> = new Set([
  'issueStatement',
  'desiredOutcome',
  'actions',
  'summary',
]);

/** Root sections whose records carry an author: removed with their author under "remove". */
const AUTHORED_RECORD_ROOTS = new Set(['questions']);

/** The rebuilt doc: its state, and the owner of each client id it was written with. */
export interface RebuiltDoc {
  state: Uint8Array;
  /** New client id → the person (or `SERVER_WRITER`, `FORMER_MEMBER`) whose items it wrote. */
  writers: Map<number, string>;
}

/**
 * The fresh doc without the erasee's items; null when the doc name is not a board. `writerOf`
 * names who wrote with a stored client id (its binding; unbound ids count as the server's).
 */
export function rebuildWithout(
  docName: string,
  stored: Y.Doc,
  erasee: Erasee,
  writerOf: (clientId: number) => string | undefined,
): RebuiltDoc | null {
  const kind = parseDocName(docName)?.kind;
  if (kind === undefined) return null;
  if (erasee.shared === 'remove') deleteItemsOf(stored, erasee.clientIds);
  const fresh = new Y.Doc();
  const copy = new AuthoredCopy(fresh, stored, (clientId) =>
    erasee.clientIds.has(clientId) ? FORMER_MEMBER : (writerOf(clientId) ?? SERVER_WRITER),
  );
  fresh.transact(() => {
    for (const rootName of stored.share.keys()) {
      const section = sectionOf(kind, rootName, null);
      if (section.key === erasee.personId) continue; // their own section: gone whole
      if (erasee.shared === 'remove' && erasee.ownedRoots?.has(rootName)) continue;
      copyRoot(kind, rootName, stored, fresh, erasee, copy);
    }
  });
  const state = Y.encodeStateAsUpdate(fresh);
  fresh.destroy();
  return { state, writers: copy.writers };
}

/** Nobody: rebuilding "without" them keeps everything (a person id no one can have). */
const NOBODY: Erasee = { personId: '\u0000nobody', clientIds: new Set(), shared: 'keep' };

/**
 * The fresh doc with everything `stored` holds now and none of its history (a repair, Y22);
 * null when the doc name is not a board.
 */
export function rebuildAsIs(
  docName: string,
  stored: Y.Doc,
  writerOf: (clientId: number) => string | undefined,
): RebuiltDoc | null {
  return rebuildWithout(docName, stored, NOBODY, writerOf);
}

/** Everything the person's client ids inserted, deleted (Yjs drops the content). */
function deleteItemsOf(doc: Y.Doc, clientIds: ReadonlySet<number>): void {
  if (clientIds.size === 0) return;
  doc.transact((transaction) => {
    const visit = (type: ItemList) => {
      const items: Y.Item[] = [];
      for (let item = type._start; item !== null; item = item.right) items.push(item);
      for (const item of type._map.values()) items.push(item);
      for (const item of items) {
        if (item.deleted) continue;
        if (clientIds.has(item.id.client)) item.delete(transaction);
        else if (item.content instanceof Y.ContentType) visit(item.content.type);
      }
    };
    for (const type of doc.share.values()) visit(type);
  });
}

/**
 * Writes into the fresh doc as the writer of a stored item: before each insertion the fresh
 * doc's client id is set to that writer's new id, so the copy keeps who wrote what.
 */
class AuthoredCopy {
  readonly writers = new Map<number, string>();
  private readonly idOf = new Map<string, number>();

  constructor(
    private readonly fresh: Y.Doc,
    private readonly stored: Y.Doc,
    private readonly writerOf: (clientId: number) => string,
  ) {}

  /** Whether the same person wrote both items. */
  sameWriter(a: Y.Item, b: Y.Item): boolean {
    return a.id.client === b.id.client || this.writerOf(a.id.client) === this.writerOf(b.id.client);
  }

  /** From now on the fresh doc writes as whoever wrote `item` (or the server, for a root). */
  as(item: Y.Item | null): void {
    const writer = item ? this.writerOf(item.id.client) : SERVER_WRITER;
    let id = this.idOf.get(writer);
    if (id === undefined) {
      do id = randomInt(1, 2 ** 32);
      while (this.stored.store.clients.has(id) || this.writers.has(id));
      this.idOf.set(writer, id);
      this.writers.set(id, writer);
    }
    this.fresh.clientID = id;
  }
}

function copyRoot(
  kind: DocKind,
  rootName: string,
  from: Y.Doc,
  to: Y.Doc,
  erasee: Erasee,
  copy: AuthoredCopy,
): void {
  switch (rootTypeOf(kind, rootName)) {
    case 'text':
      copyText(from.getText(rootName), to.getText(rootName), copy);
      return;
    case 'xml':
      copyXmlChildren(from.getXmlFragment(rootName), to.getXmlFragment(rootName), copy);
      return;
    case 'array':
      copyArray(from.getArray(rootName), to.getArray(rootName), erasee, copy);
      return;
    case 'map': {
      const base = sectionOf(kind, rootName, null).root;
      copyMap(from.getMap(rootName), to.getMap(rootName), erasee, copy, (key, value) => {
        if (key === erasee.personId) return false; // e.g. their agreement to the ground rules
        return !(
          AUTHORED_RECORD_ROOTS.has(base) &&
          authoredBy(value, erasee) &&
          erasee.shared === 'remove'
        );
      });
      return;
    }
    case null:
      // Not a root any board defines (the write gate never lets one in): nothing to keep.
      return;
  }
}

function authoredBy(value: unknown, erasee: Erasee): boolean {
  return value instanceof Y.Map && value.get('authorId') === erasee.personId;
}

/** The live items of a list type, in order. */
function liveItems(type: SharedType): Y.Item[] {
  const items: Y.Item[] = [];
  for (let item = (type as unknown as ItemList)._start; item !== null; item = item.right) {
    if (!item.deleted && item.countable) items.push(item);
  }
  return items;
}

/** An empty type of the same kind as `value`, to be placed first and then filled. */
function emptyLike(value: SharedType): SharedType {
  if (value instanceof Y.XmlText) return new Y.XmlText();
  if (value instanceof Y.XmlElement) return new Y.XmlElement(value.nodeName);
  if (value instanceof Y.XmlFragment) return new Y.XmlFragment();
  if (value instanceof Y.Text) return new Y.Text();
  if (value instanceof Y.Array) return new Y.Array();
  return new Y.Map();
}

/** Fills `to` (already in the fresh doc, and empty) with a copy of `from`. */
function fill(from: SharedType, to: SharedType, erasee: Erasee, copy: AuthoredCopy): void {
  if (from instanceof Y.XmlText) copyText(from, to as Y.XmlText, copy);
  else if (from instanceof Y.XmlElement || from instanceof Y.XmlFragment) {
    copyXmlChildren(from, to as Y.XmlFragment, copy);
  } else if (from instanceof Y.Text) copyText(from, to as Y.Text, copy);
  else if (from instanceof Y.Array) copyArray(from, to as Y.Array<unknown>, erasee, copy);
  else if (from instanceof Y.Map) {
    copyMap(from, to as Y.Map<unknown>, erasee, copy, (key) => key !== erasee.personId);
  }
}

function copyMap(
  from: Y.Map<unknown>,
  to: Y.Map<unknown>,
  erasee: Erasee,
  copy: AuthoredCopy,
  keep: (key: string, value: unknown) => boolean,
): void {
  for (const [key, value] of from.entries()) {
    if (!keep(key, value)) continue;
    copy.as((from as unknown as ItemList)._map.get(key) ?? null);
    if (value instanceof Y.AbstractType) {
      const shared = value as SharedType;
      fill(shared, to.set(key, emptyLike(shared)), erasee, copy);
    } else {
      to.set(key, replaceId(value, erasee.personId));
    }
  }
}

function copyArray(
  from: Y.Array<unknown>,
  to: Y.Array<unknown>,
  erasee: Erasee,
  copy: AuthoredCopy,
): void {
  for (const item of liveItems(from)) {
    for (const value of item.content.getContent() as unknown[]) {
      copy.as(item);
      if (value instanceof Y.AbstractType) {
        const placed = emptyLike(value as SharedType);
        to.push([placed]);
        fill(value as SharedType, placed, erasee, copy);
      } else {
        to.push([replaceId(value, erasee.personId)]);
      }
    }
  }
}

/**
 * Copies formatted text run by run, each run split where its writer changes: the delta gives
 * the runs and their formatting, the items give who wrote each character. Neighbouring items by
 * one writer are copied as one run, so text split into many items (typed and deleted over a long
 * history) is copied in few insertions.
 */
function copyText(from: Y.Text, to: Y.Text, copy: AuthoredCopy): void {
  const writers: { item: Y.Item; left: number }[] = [];
  for (const item of liveItems(from)) {
    if (item.content instanceof Y.ContentFormat) continue;
    const last = writers[writers.length - 1];
    if (last && copy.sameWriter(last.item, item)) last.left += item.length;
    else writers.push({ item, left: item.length });
  }
  let next = 0;
  let index = 0;
  for (const op of from.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    const attributes = op.attributes ?? {};
    if (typeof op.insert !== 'string') {
      const current = writers[next];
      copy.as(current?.item ?? null);
      if (current && --current.left === 0) next += 1;
      to.insertEmbed(index++, op.insert as object, attributes);
      continue;
    }
    const text = op.insert;
    let at = 0;
    while (at < text.length) {
      const current = writers[next];
      const length = Math.min(text.length - at, current?.left ?? text.length - at);
      copy.as(current?.item ?? null);
      to.insert(index, text.slice(at, at + length), attributes);
      index += length;
      at += length;
      if (current && (current.left -= length) === 0) next += 1;
    }
  }
}

/** Plain JSON with every string equal to the erased person's id (as a value or key) replaced. */
function replaceId(value: unknown, personId: string): unknown {
  if (value === personId) return FORMER_MEMBER;
  if (Array.isArray(value)) return value.map((inner) => replaceId(inner, personId));
  if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== personId)
        .map(([key, inner]) => [key, replaceId(inner, personId)]),
    );
  }
  return value;
}

/**
 * Copies an XML fragment's children, each placed as its writer. Y.Xml types can be filled only
 * once they are in a doc, so each child is inserted first and then filled.
 */
function copyXmlChildren(
  from: Y.XmlFragment | Y.XmlElement,
  to: Y.XmlFragment | Y.XmlElement,
  copy: AuthoredCopy,
): void {
  for (const child of from.toArray()) {
    copy.as(child._item);
    if (child instanceof Y.XmlText) {
      const text = new Y.XmlText();
      to.push([text]);
      copyText(child, text, copy);
    } else if (child instanceof Y.XmlElement) {
      const element = new Y.XmlElement(child.nodeName);
      to.push([element]);
      for (const [name, value] of Object.entries(child.getAttributes())) {
        copy.as((child as unknown as ItemList)._map.get(name) ?? null);
        element.setAttribute(name, value as string);
      }
      copyXmlChildren(child, element, copy);
    }
  }
}

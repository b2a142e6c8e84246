/**
 * Which sections of a board an incoming Yjs update touches, worked out before it is applied.
 *
 * An item names its parent directly (a root type's name, or the id of the item holding a nested
 * type) or, when it has a neighbour, not at all: it shares its neighbour's parent. Following
 * those links, through this update's own items and the doc's, reaches a root type and, for a
 * map root, the first-level key — the section (shared/src/domain/boards/board-sections.ts).
 * Deletions are resolved from the doc's items they remove.
 */
import * as Y from 'yjs';
import { sectionOf, type BoardSection, type DocKind } from '@setboard/shared';

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** A root type's name and the first-level key under it (for maps), before naming the section. */
interface RootRef {
  rootName: string;
  mapKey: string | null;
}

/** Where an update's changes land, per section, with the text it inserts there. */
export interface TouchedSection {
  section: BoardSection;
  /** The root type's name (the unit a refused change is reverted by). */
  rootName: string;
  /** Text this update inserts in the section, to hand back to a refused writer. */
  insertedText: string[];
}

export class UnresolvableUpdate extends Error {}

/** Items of the update, per client, in clock order (as `Y.decodeUpdate` returns them). */
function indexUpdate(decoded: DecodedUpdate): Map<number, Y.Item[]> {
  const byClient = new Map<number, Y.Item[]>();
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const list = byClient.get(struct.id.client) ?? [];
    list.push(struct);
    byClient.set(struct.id.client, list);
  }
  return byClient;
}

function findInUpdate(index: Map<number, Y.Item[]>, id: Y.ID): Y.Item | null {
  const list = index.get(id.client);
  if (!list) return null;
  return (
    list.find((item) => id.clock >= item.id.clock && id.clock < item.id.clock + item.length) ?? null
  );
}

/** The doc's struct holding `id`, or null when the doc does not have it. */
function findInDoc(doc: Y.Doc, id: Y.ID): Y.Item | Y.GC | null {
  if (id.clock >= Y.getState(doc.store, id.client)) return null;
  return Y.getItem(doc.store, id) as Y.Item | Y.GC;
}

/** Root of an item already in the doc; null when it lies under deleted (collected) content. */
function rootOfDocItem(struct: Y.Item | Y.GC): RootRef | null {
  if (!(struct instanceof Y.Item)) return null;
  let item = struct;
  for (;;) {
    const parent = item.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    if (parent._item === null) {
      const rootName = Y.findRootTypeKey(parent);
      return { rootName, mapKey: item.parentSub };
    }
    item = parent._item;
  }
}

/** Resolves roots of update items and doc items alike, remembering what it found. */
class RootResolver {
  private readonly memo = new Map<Y.Item, RootRef | null>();
  readonly index: Map<number, Y.Item[]>;

  constructor(
    private readonly doc: Y.Doc,
    decoded: DecodedUpdate,
  ) {
    this.index = indexUpdate(decoded);
  }

  /** The root under which the item with `id` lives (in this update or in the doc). */
  rootOfId(id: Y.ID, depth: number): RootRef | null {
    const inUpdate = findInUpdate(this.index, id);
    if (inUpdate) return this.rootOfUpdateItem(inUpdate, depth + 1);
    const inDoc = findInDoc(this.doc, id);
    if (!inDoc) throw new UnresolvableUpdate(`unknown item ${id.client}:${id.clock}`);
    return rootOfDocItem(inDoc);
  }

  rootOfUpdateItem(item: Y.Item, depth = 0): RootRef | null {
    if (this.memo.has(item)) return this.memo.get(item) ?? null;
    // A chain of nested types as long as the update itself cannot be honest work.
    if (depth > 10_000) throw new UnresolvableUpdate('nesting too deep');
    const parent: unknown = item.parent;
    let root: RootRef | null;
    if (typeof parent === 'string') {
      root = { rootName: parent, mapKey: item.parentSub };
    } else if (parent instanceof Y.ID) {
      // A parent collected since (a record someone deleted): Yjs collects the item too.
      root = this.holdsCollectedContent(parent) ? null : this.rootOfId(parent, depth);
    } else {
      const neighbour = item.origin ?? item.rightOrigin;
      if (!neighbour) throw new UnresolvableUpdate('an item with no parent and no neighbour');
      root = this.rootOfId(neighbour, depth);
    }
    this.memo.set(item, root);
    return root;
  }

  /**
   * A parent id must name an item holding a type, never text. True when it names collected
   * content instead (a type that was deleted): its children are collected on arrival.
   */
  private holdsCollectedContent(id: Y.ID): boolean {
    const holder = findInUpdate(this.index, id) ?? findInDoc(this.doc, id);
    if (!(holder instanceof Y.Item)) return holder !== null;
    const content = holder.content;
    if (content instanceof Y.ContentDeleted) return true;
    if (!(content instanceof Y.ContentType))
      throw new UnresolvableUpdate('a parent that is not a shared type');
    return false;
  }
}

/** Text an item carries, for handing back to its writer. */
function textOf(item: Y.Item): string | null {
  const content = item.content;
  if (content instanceof Y.ContentString) return content.str;
  if (content instanceof Y.ContentAny) {
    const values = content.getContent().filter((value) => typeof value === 'string');
    return values.length > 0 ? values.join(' ') : null;
  }
  return null;
}

/** Where an update's changes land: per section, and text that lands under deleted content. */
export interface UpdateSections {
  /** Every section the update writes to (inserts or deletes), keyed by `root/key`. */
  touched: Map<string, TouchedSection>;
  /**
   * Text of items whose place has been removed (typed on into a paragraph someone deleted, or
   * one the gate reverted a moment before): Yjs integrates them as collected content, invisible
   * to all, so the writer must be given them back or they are lost.
   */
  orphanText: string[];
  /** How many of the update's items land under collected content (text or not). */
  orphans: number;
  /** The root type one of the update's items lands under; null under collected content. */
  rootNameOf(item: Y.Item): string | null;
  /** The root types under which this update deletes items the doc already holds. */
  deletesInDoc: Set<string>;
}

/**
 * The sections the update touches and the text it would lose. Throws `UnresolvableUpdate` when
 * an item's place cannot be found, which the caller treats as malformed.
 */
export function sectionsTouched(doc: Y.Doc, decoded: DecodedUpdate, kind: DocKind): UpdateSections {
  const resolver = new RootResolver(doc, decoded);
  const touched = new Map<string, TouchedSection>();
  const orphanText: string[] = [];
  let orphans = 0;
  const note = (root: RootRef | null, text: string | null, inserted: boolean) => {
    if (!root) {
      if (inserted) orphans += 1;
      if (text) orphanText.push(text);
      return;
    }
    const section = sectionOf(kind, root.rootName, root.mapKey);
    const key = `${section.root}/${section.key ?? ''}`;
    const entry = touched.get(key) ?? { section, rootName: root.rootName, insertedText: [] };
    if (text) entry.insertedText.push(text);
    touched.set(key, entry);
  };
  for (const items of resolver.index.values()) {
    for (const item of items) note(resolver.rootOfUpdateItem(item), textOf(item), true);
  }
  const deletesInDoc = new Set<string>();
  for (const [client, ranges] of decoded.ds.clients) {
    for (const range of ranges)
      forEachDeleted(doc, resolver, client, range, (root, inDoc) => {
        if (inDoc && root) deletesInDoc.add(root.rootName);
        note(root, null, false);
      });
  }
  const rootNameOf = (item: Y.Item) => resolver.rootOfUpdateItem(item)?.rootName ?? null;
  return { touched, orphanText, orphans, rootNameOf, deletesInDoc };
}

/** Visits the live items a delete range removes, in the doc or in the update itself. */
function forEachDeleted(
  doc: Y.Doc,
  resolver: RootResolver,
  client: number,
  range: { clock: number; len: number },
  visit: (root: RootRef | null, inDoc: boolean) => void,
): void {
  const end = range.clock + range.len;
  for (const item of resolver.index.get(client) ?? []) {
    if (item.id.clock < end && item.id.clock + item.length > range.clock)
      visit(resolver.rootOfUpdateItem(item), false);
  }
  const structs = doc.store.clients.get(client);
  if (!structs) return;
  const known = Math.min(end, Y.getState(doc.store, client));
  if (range.clock >= known) return;
  for (let i = Y.findIndexSS(structs, range.clock); i < structs.length; i++) {
    const struct = structs[i]!;
    if (struct.id.clock >= known) break;
    if (struct instanceof Y.Item && !struct.deleted) visit(rootOfDocItem(struct), true);
  }
}

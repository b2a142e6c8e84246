/**
 * A locked field must never write to the board. The editor binding (y-prosemirror) writes back
 * whenever the editor's document differs from the Yjs one, and ProseMirror's schema can make
 * them differ without anyone typing: an emptied section (a cleared slot record) is shown as one
 * empty paragraph, which the binding would then write. From a member who may not write there,
 * the server's write gate would refuse it and tell them off for something they never did.
 *
 * So a locked editor binds to a mirror: a second Y.Doc that receives every update of the board
 * (the same items, so other people's carets still resolve in it) and sends nothing back.
 */
import * as Y from 'yjs';

/** Marks updates copied into a mirror, so they are never mistaken for local edits. */
const FROM_BOARD = Symbol('from the board');

const mirrors = new WeakMap<Y.Doc, Y.Doc>();

/** The receive-only copy of `doc`, made on first use and destroyed with `doc`. */
export function mirrorOf(doc: Y.Doc): Y.Doc {
  const existing = mirrors.get(doc);
  if (existing) return existing;
  const mirror = new Y.Doc({ gc: doc.gc });
  Y.applyUpdate(mirror, Y.encodeStateAsUpdate(doc), FROM_BOARD);
  const copy = (update: Uint8Array): void => Y.applyUpdate(mirror, update, FROM_BOARD);
  doc.on('update', copy);
  doc.once('destroy', () => {
    doc.off('update', copy);
    mirror.destroy();
  });
  mirrors.set(doc, mirror);
  return mirror;
}

/** The name `fragment` has among its doc's root types, or null for a nested or detached type. */
export function rootNameOf(fragment: Y.XmlFragment): string | null {
  const doc = fragment.doc;
  if (!doc) return null;
  // `share` is typed with the base class; compare identities.
  const target: unknown = fragment;
  for (const [name, type] of doc.share) {
    if (type === target) return name;
  }
  return null;
}

/**
 * The same root section of the board, read from the mirror: what a locked editor binds to.
 * Anything written into it stays on this page. Falls back to `fragment` itself only for a type
 * that is not a root (boards keep every section at the root, so this does not happen).
 */
export function readOnlyFragmentOf(fragment: Y.XmlFragment): Y.XmlFragment {
  const name = rootNameOf(fragment);
  if (!fragment.doc || name === null) return fragment;
  return mirrorOf(fragment.doc).getXmlFragment(name);
}

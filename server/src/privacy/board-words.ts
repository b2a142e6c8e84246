/**
 * Reading one person's words out of a board, for "Download my data" (docs/privacy.md): their
 * own sections whole, and in shared sections the text their Yjs client ids inserted (and which
 * still stands), plus the records that name them as author.
 */
import * as Y from 'yjs';

/** The part of a Yjs type that holds its items (a list, and a map's entries). */
interface ItemList {
  _start: Y.Item | null;
  _map: Map<string, Y.Item>;
}
import { parseDocName, rootTypeOf, sectionOf } from '@setboard/shared';

export interface BoardWords {
  doc: string;
  /** Their own sections (`reflections:<them>` and the like), whole, as JSON. */
  ownSections: Record<string, unknown>;
  /** Text they wrote in shared sections, by section, in document order. */
  sharedText: Record<string, string[]>;
  /** Records they wrote or that name them (questions they asked, their agreement…). */
  records: Record<string, Record<string, unknown>>;
}

/** The JSON of a root as its board defines it (prose as its text). */
export function rootJson(kind: ReturnType<typeof parseDocName>, doc: Y.Doc, root: string): unknown {
  if (kind === null) return null;
  switch (rootTypeOf(kind.kind, root)) {
    case 'text':
      return doc.getText(root).toString();
    case 'xml':
      return proseOf(doc.getXmlFragment(root));
    case 'map':
      return doc.getMap(root).toJSON();
    case 'array':
      return doc.getArray(root).toJSON();
    default:
      return null;
  }
}

/** The plain text of a prose section, one paragraph a line. */
export function proseOf(fragment: Y.XmlFragment | Y.XmlElement): string {
  const lines: string[] = [];
  for (const child of fragment.toArray()) {
    if (child instanceof Y.XmlText) lines.push(child.toString().replace(/<[^>]+>/g, ''));
    else if (child instanceof Y.XmlElement) lines.push(proseOf(child));
  }
  return lines.filter((line) => line !== '').join('\n');
}

export function wordsIn(
  docName: string,
  doc: Y.Doc,
  personId: string,
  clientIds: ReadonlySet<number>,
): BoardWords {
  const parsed = parseDocName(docName);
  const words: BoardWords = { doc: docName, ownSections: {}, sharedText: {}, records: {} };
  if (!parsed) return words;
  for (const root of doc.share.keys()) {
    const section = sectionOf(parsed.kind, root, null);
    if (section.key === personId) {
      words.ownSections[root] = rootJson(parsed, doc, root);
      continue;
    }
    if (rootTypeOf(parsed.kind, root) === 'map') {
      for (const [key, value] of doc.getMap<unknown>(root).entries()) {
        const json = value instanceof Y.AbstractType ? value.toJSON() : value;
        const theirs =
          key === personId ||
          (value instanceof Y.Map && value.get('authorId') === personId) ||
          (value instanceof Y.AbstractType &&
            value._item !== null &&
            clientIds.has(value._item.id.client));
        if (theirs) (words.records[root] ??= {})[key] = json;
      }
      continue;
    }
    const pieces = textByClients(doc, root, parsed.kind, clientIds);
    if (pieces.length > 0) words.sharedText[root] = pieces;
  }
  return words;
}

/** The strings their client ids inserted under a root (still standing), in order. */
function textByClients(
  doc: Y.Doc,
  root: string,
  kind: NonNullable<ReturnType<typeof parseDocName>>['kind'],
  clientIds: ReadonlySet<number>,
): string[] {
  if (clientIds.size === 0) return [];
  const type = rootTypeOf(kind, root) === 'text' ? doc.getText(root) : doc.getXmlFragment(root);
  const pieces: string[] = [];
  const visit = (parent: ItemList) => {
    for (let item = parent._start; item !== null; item = item.right) {
      if (item.deleted) continue;
      if (item.content instanceof Y.ContentString && clientIds.has(item.id.client)) {
        const last = pieces.at(-1);
        // Consecutive characters typed one at a time are one piece of text.
        if (last !== undefined && item.left?.id.client === item.id.client) {
          pieces[pieces.length - 1] = last + item.content.str;
        } else pieces.push(item.content.str);
      } else if (item.content instanceof Y.ContentType) visit(item.content.type);
    }
  };
  visit(type);
  return pieces;
}

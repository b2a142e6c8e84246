/**
 * [G3] A refused change that only adds is reverted without copying the doc, and the result is
 * the one the copy gives: same text everywhere, same items, none of the refused words in the
 * bytes. Changes that would alter what the doc holds are left to the copy.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { netOfRefusedInsertions, netOfRevertedUpdate } from './revert-forbidden.js';
import { sectionsTouched } from './update-sections.js';

const SERVER_WRITER = 7;

/** A board with some of everything already in it. */
function board(): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('notes').insert(0, 'Shared notes already here. ');
  const fragment = doc.getXmlFragment('issueStatement');
  for (let i = 0; i < 20; i++) {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(`Paragraph ${i}.`)]);
    fragment.insert(fragment.length, [paragraph]);
  }
  doc.getMap('agreements').set('existing', 'yes');
  return doc;
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** What a writer (a copy of `doc`) sends when `change` runs on it. */
function updateOf(doc: Y.Doc, change: (writer: Y.Doc) => void): Uint8Array {
  const writer = copyOf(doc);
  const before = Y.encodeStateVector(writer);
  change(writer);
  return Y.encodeStateAsUpdate(writer, before);
}

/** Everything a reader sees in the board's roots. */
function seen(doc: Y.Doc) {
  return {
    notes: doc.getText('notes').toString(),
    issue: doc.getXmlFragment('issueStatement').toString(),
    summary: doc.getXmlFragment('summary').toString(),
    agreements: doc.getMap('agreements').toJSON(),
  };
}

/** The net without a copy (refusing `roots`), or null; checked against the copy's net. */
function netsOf(doc: Y.Doc, update: Uint8Array, roots: Map<string, 'xml' | 'text' | 'map'>) {
  const decoded = Y.decodeUpdate(update);
  const { rootNameOf, deletesInDoc } = sectionsTouched(doc, decoded, 'slot');
  const refusesExisting = [...roots.keys()].some((root) => deletesInDoc.has(root));
  const fast = refusesExisting
    ? null
    : netOfRefusedInsertions(doc, decoded, (item) => {
        const root = rootNameOf(item);
        return root === null || roots.has(root);
      });
  const slow = netOfRevertedUpdate(doc, update, roots, SERVER_WRITER);
  return { fast, slow };
}

/** Applies both nets to copies of `doc` and expects the same result; returns it applied. */
function expectSameResult(doc: Y.Doc, fast: Uint8Array, slow: Uint8Array): Y.Doc {
  const [viaFast, viaSlow] = [copyOf(doc), copyOf(doc)];
  Y.applyUpdate(viaFast, fast);
  Y.applyUpdate(viaSlow, slow);
  expect(seen(viaFast)).toEqual(seen(viaSlow));
  expect(Y.decodeStateVector(Y.encodeStateVector(viaFast))).toEqual(
    Y.decodeStateVector(Y.encodeStateVector(viaSlow)),
  );
  viaSlow.destroy();
  return viaFast;
}

const bytesHold = (bytes: Uint8Array, text: string) =>
  Buffer.from(bytes).toString('utf8').includes(text);

describe('[G3] reverting a refused change without a copy of the doc', () => {
  it('[G3] a new paragraph typed where one may not write: gone, its length kept, its words not sent', () => {
    const doc = board();
    const update = updateOf(doc, (writer) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('REFUSED words')]);
      writer.getXmlFragment('issueStatement').insert(3, [paragraph]);
    });
    const { fast, slow } = netsOf(doc, update, new Map([['issueStatement', 'xml']]));
    expect(fast).not.toBeNull();
    expect(bytesHold(fast!, 'REFUSED')).toBe(false);
    const after = expectSameResult(doc, fast!, slow);
    expect(seen(after).issue).toBe(seen(doc).issue);
  });

  it('[G3] a mixed update keeps its allowed root and reverts the refused one', () => {
    const doc = board();
    const update = updateOf(doc, (writer) => {
      writer.transact(() => {
        writer.getText('notes').insert(5, 'REFUSED ');
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText('KEPT')]);
        writer.getXmlFragment('summary').insert(0, [paragraph]);
        writer.getMap('agreements').set('new-key', 'REFUSED too');
      });
    });
    const roots = new Map<string, 'text' | 'map'>([
      ['notes', 'text'],
      ['agreements', 'map'],
    ]);
    const { fast, slow } = netsOf(doc, update, roots);
    expect(fast).not.toBeNull();
    expect(bytesHold(fast!, 'REFUSED')).toBe(false);
    const after = expectSameResult(doc, fast!, slow);
    expect(seen(after).summary).toContain('KEPT');
    expect(seen(after).notes).toBe(seen(doc).notes);
  });

  it('[G3] words typed on into a paragraph that was just reverted are collected the same way', () => {
    const doc = board();
    const writer = copyOf(doc);
    const updates: Uint8Array[] = [];
    writer.on('update', (update: Uint8Array) => updates.push(update));
    const text = new Y.XmlText();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [text]);
    writer.getXmlFragment('issueStatement').insert(0, [paragraph]);
    text.insert(0, 'REFUSED first');
    text.insert(text.length, ' and MORE');
    const refused = new Map([['issueStatement', 'xml' as const]]);
    for (const update of updates) {
      const { fast, slow } = netsOf(doc, update, refused);
      expect(fast).not.toBeNull();
      expect(bytesHold(fast!, 'REFUSED') || bytesHold(fast!, 'MORE')).toBe(false);
      expectSameResult(doc, fast!, slow);
      Y.applyUpdate(doc, fast!);
    }
    expect(seen(doc).issue).not.toContain('REFUSED');
  });

  it('[G3] what would change the doc’s own content is left to the copy', () => {
    const doc = board();
    const cases: Array<[string, (writer: Y.Doc) => void, Map<string, 'text' | 'map' | 'xml'>]> = [
      [
        'deleting shared notes',
        (w) => w.getText('notes').delete(0, 6),
        new Map([['notes', 'text']]),
      ],
      [
        'a key that has a value',
        (w) => w.getMap('agreements').set('existing', 'no'),
        new Map([['agreements', 'map']]),
      ],
      [
        'formatting existing text',
        (w) => w.getText('notes').format(0, 6, { bold: true }),
        new Map([['notes', 'text']]),
      ],
    ];
    for (const [what, change, roots] of cases) {
      const { fast, slow } = netsOf(doc, updateOf(doc, change), roots);
      expect(fast, what).toBeNull();
      const after = copyOf(doc);
      Y.applyUpdate(after, slow);
      expect(seen(after), what).toEqual(seen(doc));
    }
  });

  it('[G3] 300 random refused changes that only add: the same result as the copy, every time', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const doc = board();
    const writer = copyOf(doc);
    const updates: Uint8Array[] = [];
    writer.on('update', (update: Uint8Array) => updates.push(update));
    const refused = new Map<string, 'text' | 'xml' | 'map'>([
      ['notes', 'text'],
      ['issueStatement', 'xml'],
    ]);
    for (let change = 0; change < 300; change++) {
      const choice = random();
      if (choice < 0.3) {
        const notes = writer.getText('notes');
        notes.insert(Math.floor(random() * notes.length), `n${change} `);
      } else if (choice < 0.6) {
        const fragment = writer.getXmlFragment('issueStatement');
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(`p${change}`)]);
        fragment.insert(Math.floor(random() * (fragment.length + 1)), [paragraph]);
      } else if (choice < 0.8) {
        const summary = writer.getXmlFragment('summary');
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(`kept${change}`)]);
        summary.insert(summary.length, [paragraph]);
      } else {
        writer.getMap('agreements').set(`k${change}`, `v${change}`);
      }
      const update = updates.pop()!;
      const roots = choice >= 0.8 ? new Map([...refused, ['agreements', 'map' as const]]) : refused;
      const { fast, slow } = netsOf(doc, update, roots);
      expect(fast, `change ${change}`).not.toBeNull();
      expectSameResult(doc, fast!, slow);
      Y.applyUpdate(doc, fast!);
      // The writer hears the net, as the sender does: their refused change disappears.
      Y.applyUpdate(writer, fast!);
      expect(seen(writer)).toEqual(seen(doc));
    }
    expect(seen(doc).summary).toContain('kept');
    expect(seen(doc).notes).toBe('Shared notes already here. ');
  });
});

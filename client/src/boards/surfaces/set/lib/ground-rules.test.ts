import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  agreeToVersion,
  nextVersionNumber,
  plainTextOf,
  publishVersion,
  readAgreements,
  readVersions,
} from './ground-rules';

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  const content = new Y.XmlText();
  content.insert(0, text);
  element.insert(0, [content]);
  return element;
}

function bulletList(items: string[]): Y.XmlElement {
  const list = new Y.XmlElement('bulletList');
  list.insert(
    0,
    items.map((text) => {
      const item = new Y.XmlElement('listItem');
      item.insert(0, [paragraph(text)]);
      return item;
    }),
  );
  return list;
}

describe('publishing the ground rules', () => {
  it('freezes the draft as plain text: a line per paragraph, bullets for list items', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('groundRules');
    const bold = paragraph('What is said here ');
    fragment.insert(0, [
      bold,
      paragraph(''),
      bulletList(['Questions, not advice', 'Phones away']),
      paragraph('We start on time.'),
    ]);
    (bold.get(0) as Y.XmlText).insert(18, 'stays here', { bold: true });
    expect(plainTextOf(fragment)).toBe(
      'What is said here stays here\n• Questions, not advice\n• Phones away\nWe start on time.',
    );
  });

  it('numbers versions from 1 and keeps every earlier one', () => {
    const doc = new Y.Doc();
    const array = doc.getArray('contractVersions');
    expect(nextVersionNumber(readVersions(array))).toBe(1);
    publishVersion(doc, 'First', 1, 'fran', 10);
    publishVersion(doc, 'Second', nextVersionNumber(readVersions(array)), 'fran', 20);
    array.push(['not a version']);
    expect(readVersions(array).map((version) => [version.version, version.text])).toEqual([
      [1, 'First'],
      [2, 'Second'],
    ]);
  });

  it('records each person’s agreement under their own key', () => {
    const doc = new Y.Doc();
    agreeToVersion(doc, 'a', 1, 10);
    agreeToVersion(doc, 'a', 2, 20);
    agreeToVersion(doc, 'b', 1, 30);
    doc.getMap('agreements').set('c', { version: 'x' });
    expect(Object.fromEntries(readAgreements(doc.getMap('agreements')))).toEqual({
      a: { version: 2, agreedAt: 20 },
      b: { version: 1, agreedAt: 30 },
    });
  });
});

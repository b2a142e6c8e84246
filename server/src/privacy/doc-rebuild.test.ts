import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { SERVER_WRITER } from '../boards/client-ids.js';
import { FORMER_MEMBER, rebuildWithout } from './doc-rebuild.js';

/** A doc written by several people, each with a client id of their own. */
function writtenBy(writers: Record<number, string>) {
  const doc = new Y.Doc();
  const as = (clientId: number, change: () => void) => {
    doc.clientID = clientId;
    doc.transact(change);
  };
  const writerOf = (clientId: number) => writers[clientId];
  return { doc, as, writerOf };
}

/** Who wrote each character of a text, in order, by the rebuilt doc's bindings. */
function writersOfText(text: Y.Text, writers: Map<number, string>): string[] {
  const found: string[] = [];
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentString)) continue;
    for (let index = 0; index < item.length; index++) found.push(writers.get(item.id.client)!);
  }
  return found;
}

describe('rebuilding a board keeps who wrote what', () => {
  it('keeps formatted text, and each character’s writer, across writers', () => {
    const { doc, as, writerOf } = writtenBy({ 1: 'ann', 2: 'bob', 3: 'cat' });
    const notes = doc.getText('notes');
    as(1, () => notes.insert(0, 'Ann wrote this. '));
    as(2, () => notes.insert(notes.length, 'Bob added this.', { bold: true }));
    as(3, () => notes.insert(4, 'and Cat '));
    const before = notes.toDelta();

    const erasee = { personId: 'zed', clientIds: new Set<number>(), shared: 'remove' as const };
    const rebuilt = rebuildWithout('set:s1', doc, erasee, writerOf)!;
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, rebuilt.state);
    const copied = fresh.getText('notes');
    expect(copied.toDelta()).toEqual(before);
    const expected = [
      ...Array<string>(4).fill('ann'),
      ...Array<string>('and Cat '.length).fill('cat'),
      ...Array<string>('wrote this. '.length).fill('ann'),
      ...Array<string>('Bob added this.'.length).fill('bob'),
    ];
    expect(writersOfText(copied, rebuilt.writers)).toEqual(expected);
    // None of the old client ids is reused.
    for (const clientId of rebuilt.writers.keys()) expect([1, 2, 3]).not.toContain(clientId);
  });

  it('writes an erasee’s kept words as a former member, and unbound ones as the server', () => {
    const { doc, as, writerOf } = writtenBy({ 1: 'ann' });
    const notes = doc.getText('notes');
    as(1, () => notes.insert(0, 'Ann. '));
    as(7, () => notes.insert(notes.length, 'Nobody bound. '));
    as(9, () => notes.insert(notes.length, 'Erased but kept.'));
    const erasee = { personId: 'eve', clientIds: new Set([9]), shared: 'keep' as const };
    const rebuilt = rebuildWithout('set:s1', doc, erasee, writerOf)!;
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, rebuilt.state);
    const writers = writersOfText(fresh.getText('notes'), rebuilt.writers);
    expect(new Set(writers)).toEqual(new Set(['ann', SERVER_WRITER, FORMER_MEMBER]));
    expect(writers.at(-1)).toBe(FORMER_MEMBER);
  });

  it('keeps the writers of paragraphs, records and their fields', () => {
    const { doc, as, writerOf } = writtenBy({ 1: 'pat', 2: 'mo' });
    as(1, () => {
      const paragraph = new Y.XmlElement('paragraph');
      doc.getXmlFragment('issueStatement').push([paragraph]);
      paragraph.push([new Y.XmlText('Two rotas.')]);
      const action = new Y.Map<unknown>();
      doc.getMap('actions').set('a1', action);
      action.set('what', 'Ask both leads');
    });
    as(2, () => (doc.getMap('actions').get('a1') as Y.Map<unknown>).set('status', 'open'));
    const erasee = { personId: 'zed', clientIds: new Set<number>(), shared: 'remove' as const };
    const rebuilt = rebuildWithout('slot:x', doc, erasee, writerOf)!;
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, rebuilt.state);
    expect(fresh.getXmlFragment('issueStatement').toString()).toBe(
      '<paragraph>Two rotas.</paragraph>',
    );
    const action = fresh.getMap('actions').get('a1') as Y.Map<unknown>;
    expect(action.toJSON()).toEqual({ what: 'Ask both leads', status: 'open' });
    const writerOfKey = (key: string) =>
      rebuilt.writers.get(
        (action as unknown as { _map: Map<string, Y.Item> })._map.get(key)!.id.client,
      );
    expect(writerOfKey('what')).toBe('pat');
    expect(writerOfKey('status')).toBe('mo');
  });
});

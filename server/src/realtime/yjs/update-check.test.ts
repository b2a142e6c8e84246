import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { checkIncomingUpdate } from './update-check.js';
import { deletedRangeCount } from './v1-layout.js';

/** Two updates from one writer, the second depending on the first. */
function twoDependentUpdates(): [Uint8Array, Uint8Array] {
  const writer = new Y.Doc();
  const updates: Uint8Array[] = [];
  writer.on('update', (update: Uint8Array) => updates.push(update));
  writer.getText('notes').insert(0, 'What is stopping you?');
  writer.getText('notes').insert(5, ' really');
  return [updates[0]!, updates[1]!];
}

describe('checkIncomingUpdate', () => {
  it('[Y3] accepts an update whose dependencies the doc already has', () => {
    const [first, second] = twoDependentUpdates();
    const server = new Y.Doc();
    expect(checkIncomingUpdate(server, first)).toMatchObject({ ok: true });
    Y.applyUpdate(server, first);
    expect(checkIncomingUpdate(server, second)).toMatchObject({ ok: true });
  });

  it('[Y3] refuses an update that would stay pending (its predecessor is missing)', () => {
    const [, second] = twoDependentUpdates();
    const verdict = checkIncomingUpdate(new Y.Doc(), second);
    expect(verdict).toMatchObject({ ok: false, problem: 'would_pend' });
  });

  it('[Y3] refuses a delete of items the doc has never seen', () => {
    const writer = new Y.Doc();
    writer.getText('notes').insert(0, 'abc');
    const base = Y.encodeStateAsUpdate(writer);
    const vector = Y.encodeStateVector(writer);
    writer.getText('notes').delete(0, 2);
    const deletion = Y.encodeStateAsUpdate(writer, vector);
    expect(checkIncomingUpdate(new Y.Doc(), deletion)).toMatchObject({
      ok: false,
      problem: 'would_pend',
    });
    const server = new Y.Doc();
    Y.applyUpdate(server, base);
    expect(checkIncomingUpdate(server, deletion)).toMatchObject({ ok: true });
  });

  it('[Y22] takes out the deletions the doc already holds and keeps the new ones', () => {
    // A board whose text was fragmented: every other character deleted.
    const writer = new Y.Doc();
    const text = writer.getText('notes');
    text.insert(0, 'x'.repeat(2_000));
    for (let index = 1; index < text.length; index += 1) text.delete(index, 1);
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(writer));
    // Re-syncing, the writer sends its whole state: nothing in it is new to the server.
    const resync = checkIncomingUpdate(server, Y.encodeStateAsUpdate(writer));
    expect(resync).toMatchObject({ ok: true });
    if (!resync.ok) return;
    expect(resync.decoded.structs).toHaveLength(0);
    expect(resync.decoded.ds.clients.size).toBe(0);
    expect(resync.update.byteLength).toBeLessThan(8);
    // One more deletion, sent with the whole delete set: only it is kept.
    text.delete(0, 1);
    const verdict = checkIncomingUpdate(server, Y.encodeStateAsUpdate(writer));
    expect(verdict).toMatchObject({ ok: true });
    if (!verdict.ok) return;
    const deleted = [...verdict.decoded.ds.clients.values()].flat();
    expect(deleted.map(({ clock, len }) => [clock, len])).toEqual([[0, 1]]);
    Y.applyUpdate(server, verdict.update);
    expect(server.getText('notes').toString()).toBe(text.toString());
  });

  it('[Y3] takes a keystroke of new structs as it came, and trims one that repeats known ones', () => {
    const [first, second] = twoDependentUpdates();
    const doc = new Y.Doc();
    const fresh = checkIncomingUpdate(doc, first);
    expect(fresh).toMatchObject({ ok: true });
    if (fresh.ok) expect(fresh.update).toBe(first); // no diffing pass: the very same bytes
    Y.applyUpdate(doc, first);
    const both = Y.mergeUpdates([first, second]);
    const repeated = checkIncomingUpdate(doc, both);
    expect(repeated).toMatchObject({ ok: true });
    if (repeated.ok) {
      expect(repeated.update).not.toBe(both);
      const check = new Y.Doc();
      Y.applyUpdate(check, first);
      Y.applyUpdate(check, repeated.update);
      const whole = new Y.Doc();
      Y.applyUpdate(whole, both);
      expect(check.getText('notes').toString()).toBe(whole.getText('notes').toString());
    }
  });

  it('[Y3] accepts a duplicate of what the doc already has', () => {
    const [first] = twoDependentUpdates();
    const server = new Y.Doc();
    Y.applyUpdate(server, first);
    expect(checkIncomingUpdate(server, first)).toMatchObject({ ok: true });
  });

  it('[Y3] refuses garbage, an empty message and a V2-encoded update as malformed', () => {
    const writer = new Y.Doc();
    writer.getText('notes').insert(0, 'hello');
    const v2 = Y.encodeStateAsUpdateV2(writer);
    for (const bad of [
      new Uint8Array([]),
      new Uint8Array([7]),
      new Uint8Array([255, 255, 255, 255, 1]),
      v2,
    ]) {
      expect(checkIncomingUpdate(new Y.Doc(), bad)).toMatchObject({ ok: false });
    }
    expect(checkIncomingUpdate(new Y.Doc(), v2)).toMatchObject({ problem: 'malformed' });
  });

  it('[Y3] accepts the empty V1 update a fresh client sends in its sync step 2', () => {
    expect(checkIncomingUpdate(new Y.Doc(), Y.encodeStateAsUpdate(new Y.Doc()))).toMatchObject({
      ok: true,
    });
  });

  it('[AT-RS6][Y3] reads every kind of content to its last byte, and refuses bytes after it', () => {
    const writer = new Y.Doc();
    const text = writer.getText('notes');
    text.insert(0, 'plain', { bold: true });
    text.insertEmbed(5, { image: 'x' });
    const fragment = writer.getXmlFragment('groundRules');
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.setAttribute('align', 'left');
    paragraph.insert(0, [new Y.XmlText('words')]);
    fragment.insert(0, [paragraph]);
    const map = writer.getMap('agreements');
    map.set('any', { version: 1, nested: [1, 'two', null, true] });
    map.set('bytes', new Uint8Array([1, 2, 3]));
    map.set('list', new Y.Array());
    map.set('hook', new Y.XmlHook('hook'));
    map.set('sub', new Y.Doc());
    text.delete(1, 2);
    const honest = Y.encodeStateAsUpdate(writer);
    expect(checkIncomingUpdate(new Y.Doc(), honest)).toMatchObject({ ok: true });
    for (const extra of [[0], [1, 2, 3], [...new TextEncoder().encode('SECRET')]]) {
      const trailing = Uint8Array.from([...honest, ...extra]);
      expect(checkIncomingUpdate(new Y.Doc(), trailing)).toMatchObject({ problem: 'malformed' });
    }
  });
});

describe('deletedRangeCount', () => {
  it('[Y22] counts the delete set’s ranges from its bytes, as decoding the update would', () => {
    const writer = new Y.Doc();
    const notes = writer.getText('notes');
    notes.insert(0, 'abcdefghijklmnopqrstuvwxyz');
    for (const at of [1, 5, 9, 13]) notes.delete(at, 1);
    writer.getMap('records').set('r', new Y.Map([['statement', 'kept']]));
    const update = Y.encodeStateAsUpdate(writer);
    const decoded = Y.decodeUpdate(update);
    const ranges = [...decoded.ds.clients.values()].reduce((sum, list) => sum + list.length, 0);
    expect(ranges).toBe(4);
    expect(deletedRangeCount(update)).toBe(ranges);
    expect(deletedRangeCount(Y.encodeStateAsUpdate(new Y.Doc()))).toBe(0);
    expect(deletedRangeCount(Uint8Array.of(9, 9, 9))).toBe(0); // not an update
  });
});

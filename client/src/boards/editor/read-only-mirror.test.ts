import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mirrorOf, readOnlyFragmentOf, rootNameOf } from './read-only-mirror';

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

describe('the read-only mirror of a board', () => {
  it('shows what is already on the board and every later change', () => {
    const board = new Y.Doc();
    board.getXmlFragment('issueStatement').insert(0, [paragraph('Rotas')]);
    const locked = readOnlyFragmentOf(board.getXmlFragment('issueStatement'));
    expect(locked.toString()).toBe('<paragraph>Rotas</paragraph>');

    board.getXmlFragment('issueStatement').insert(1, [paragraph('Two sites')]);
    expect(locked.toString()).toBe('<paragraph>Rotas</paragraph><paragraph>Two sites</paragraph>');
  });

  it('never sends anything written into it back to the board', () => {
    const board = new Y.Doc();
    const updates: Uint8Array[] = [];
    board.on('update', (update: Uint8Array) => updates.push(update));
    const locked = readOnlyFragmentOf(board.getXmlFragment('summary'));

    locked.insert(0, [paragraph('')]);
    expect(board.getXmlFragment('summary').length).toBe(0);
    expect(updates).toEqual([]);
  });

  it('keeps the items of the board, so a position on the board resolves in the mirror', () => {
    const board = new Y.Doc();
    board.getXmlFragment('issueStatement').insert(0, [paragraph('Rotas')]);
    const text = board.getXmlFragment('issueStatement').get(0) as Y.XmlElement;
    const position = Y.createRelativePositionFromTypeIndex(text.get(0) as Y.XmlText, 2);
    const mirror = mirrorOf(board);
    const resolved = Y.createAbsolutePositionFromRelativePosition(position, mirror);
    expect(resolved?.index).toBe(2);
  });

  it('is made once per board and goes when the board is destroyed', () => {
    const board = new Y.Doc();
    const mirror = mirrorOf(board);
    expect(mirrorOf(board)).toBe(mirror);
    let destroyed = false;
    mirror.on('destroy', () => {
      destroyed = true;
    });
    board.destroy();
    expect(destroyed).toBe(true);
  });

  it('names root types only', () => {
    const board = new Y.Doc();
    expect(rootNameOf(board.getXmlFragment('reflections:ann'))).toBe('reflections:ann');
    expect(rootNameOf(new Y.XmlFragment())).toBeNull();
  });
});

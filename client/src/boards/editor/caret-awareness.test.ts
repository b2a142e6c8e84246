import { presenceUserOf } from '@setboard/shared';
import { describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CaretAwareness, IDLE_CARET_MS } from './caret-awareness';
import { caretsIn } from './carets-in';

/** A second person's awareness, copied into ours as the server would relay it. */
function relay(from: Awareness, to: Awareness): void {
  applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [from.clientID]), 'server');
}

function person(id: string, name: string): { doc: Y.Doc; awareness: Awareness } {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  awareness.setLocalStateField('user', presenceUserOf({ id, name }));
  return { doc, awareness };
}

describe('what one editor shows of the board’s awareness', () => {
  it('shows only carets of people who may write there, never its own', () => {
    const me = person('me', 'Me');
    const pat = person('pat', 'Pat');
    const mo = person('mo', 'Mo');
    relay(pat.awareness, me.awareness);
    relay(mo.awareness, me.awareness);
    const carets = new CaretAwareness(me.awareness, { publish: true });
    expect(carets.getStates().size).toBe(0); // no rule yet: nobody's caret
    carets.setMayWrite((personId) => personId === 'pat');
    const shown = [...carets.getStates().values()].map(
      (state) => (state.user as { id: string }).id,
    );
    expect(shown).toEqual(['pat']);
  });

  it('never publishes from a locked editor, and does from an open one', () => {
    const me = person('me', 'Me');
    new CaretAwareness(me.awareness, { publish: false }).setLocalStateField('cursor', { a: 1 });
    expect(me.awareness.getLocalState()?.cursor).toBeUndefined();
    new CaretAwareness(me.awareness, { publish: true }).setLocalStateField('cursor', { a: 1 });
    expect(me.awareness.getLocalState()?.cursor).toEqual({ a: 1 });
  });

  it('hides a caret that has not moved for a while, until it moves again', () => {
    let now = 0;
    const me = person('me', 'Me');
    const pat = person('pat', 'Pat');
    pat.awareness.setLocalStateField('cursor', { anchor: 1, head: 1 });
    relay(pat.awareness, me.awareness);
    const carets = new CaretAwareness(me.awareness, { publish: true, now: () => now });
    carets.setMayWrite(() => true);
    const events: unknown[] = [];
    const listen = (change: unknown): void => void events.push(change);
    carets.on('change', listen);
    expect(carets.getStates().size).toBe(1);
    now = IDLE_CARET_MS;
    expect(carets.getStates().size).toBe(0);
    pat.awareness.setLocalStateField('cursor', { anchor: 2, head: 2 });
    relay(pat.awareness, me.awareness);
    expect(carets.getStates().size).toBe(1);
    expect(events.length).toBeGreaterThan(0);
    carets.off('change', listen); // (also stops its idle timer)
  });

  it('gives two people whose preferred colours clash different colours', () => {
    const me = person('me', 'Me');
    const others = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id) => person(id, id));
    for (const other of others) relay(other.awareness, me.awareness);
    const carets = new CaretAwareness(me.awareness, { publish: true });
    carets.setMayWrite(() => true);
    const colours = [...carets.getStates().values()].map(
      (state) => (state.user as { colour: string }).colour,
    );
    expect(new Set(colours).size).toBe(colours.length);
  });
});

describe('whose carets are inside a field', () => {
  it('finds the people whose caret resolves inside that field only', () => {
    const doc = new Y.Doc();
    const issue = doc.getXmlFragment('issueStatement');
    const summary = doc.getXmlFragment('summary');
    const text = new Y.XmlText('Two rotas');
    issue.insert(0, [text]);
    summary.insert(0, [new Y.XmlText('Kept')]);
    const inIssue = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, 3));
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: { name: 'Pat', colour: '#005eb8' }, cursor: { anchor: inIssue, head: inIssue } }],
      [2, { user: { name: 'Mo', colour: '#007f3b' } }],
    ]);
    expect(caretsIn(states, issue).map((caret) => caret.name)).toEqual(['Pat']);
    expect(caretsIn(states, summary)).toEqual([]);
  });
});

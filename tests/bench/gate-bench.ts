/**
 * The write gate's cost per keystroke (docs/protocol.md, "Boards and the write gate"):
 * resolving the sections an update touches and asking the rules, against applying the same
 * updates in memory; and the cost of refusing one (a revert on a copy of the doc) against
 * allowing it, on a slot board that already holds a long issue statement — reverted on a copy
 * of the doc (any refused change) and without one (a refused change that only adds).
 */
import * as Y from 'yjs';
import { mayWrite, type BoardWriteContext, type MeetingState } from '@setboard/shared';
import { sectionsTouched } from '../../server/src/boards/update-sections.js';
import {
  netOfRefusedInsertions,
  netOfRevertedUpdate,
} from '../../server/src/boards/revert-forbidden.js';
import { performance } from 'node:perf_hooks';
import { report } from './measure.js';

const KEYSTROKES = 500;
const EXISTING_PARAGRAPHS = 2_000;

/** Keystrokes typed into a paragraph of the issue statement, one update each. */
function keystrokes(base: Y.Doc, count: number): Uint8Array[] {
  const writer = new Y.Doc();
  Y.applyUpdate(writer, Y.encodeStateAsUpdate(base));
  const updates: Uint8Array[] = [];
  writer.on('update', (update: Uint8Array) => updates.push(update));
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  writer.getXmlFragment('issueStatement').insert(0, [paragraph]);
  for (let i = 0; i < count; i++) text.insert(text.length, String.fromCharCode(97 + (i % 26)));
  writer.destroy();
  return updates;
}

function slotBoard(): Y.Doc {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('issueStatement');
  for (let i = 0; i < EXISTING_PARAGRAPHS; i++) {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(`Paragraph ${i} of a long issue statement.`)]);
    fragment.insert(fragment.length, [paragraph]);
  }
  return doc;
}

/** A slot whose presenter is `pat`, in a live meeting's clarifying stage. */
function contextFor(personId: string): BoardWriteContext {
  const meeting = {
    meetingId: 'bench-m0',
    phase: 'slot',
    currentSlotId: 'bench-m0-s1',
    slots: [{ id: 'bench-m0-s1', presenterId: 'pat', stage: 'clarifying', status: 'running' }],
    settings: { notesPolicy: 'presenter_only' },
    actingFacilitatorId: 'fran',
  } as unknown as MeetingState;
  return {
    kind: 'slot',
    docId: 'bench-m0-s1',
    personId,
    setRole: 'member',
    meeting,
    notesPolicy: 'presenter_only',
  };
}

/** Median time of `loop` over fresh copies of `base` (the copying is not timed). */
function loopMs(base: Y.Doc, loop: (doc: Y.Doc) => void): number {
  const times: number[] = [];
  for (let round = 0; round < 7; round++) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
    const started = performance.now();
    loop(doc);
    if (round > 0) times.push(performance.now() - started); // the first round warms up
    doc.destroy();
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export function benchGate(): void {
  const base = slotBoard();
  const updates = keystrokes(base, KEYSTROKES);
  const context = contextFor('pat');
  const applyAll = (doc: Y.Doc) => {
    for (const update of updates) Y.applyUpdate(doc, update);
  };
  loopMs(base, applyAll); // warms Yjs's apply path before either is timed
  const applyOnly = loopMs(base, applyAll);
  const gated = loopMs(base, (doc) => {
    for (const update of updates) {
      for (const { section } of sectionsTouched(
        doc,
        Y.decodeUpdate(update),
        'slot',
      ).touched.values()) {
        if (!mayWrite(context, section).allowed) throw new Error('the presenter was refused');
      }
      Y.applyUpdate(doc, update);
    }
  });
  report(
    `gate ${KEYSTROKES} keystrokes on a ${EXISTING_PARAGRAPHS}-paragraph board`,
    'apply only',
    applyOnly,
    'gate + apply',
    gated,
  );
  const some = updates.slice(0, 20);
  const allowedMs = loopMs(base, (doc) => {
    for (const update of some) Y.applyUpdate(doc, update);
  });
  const refusedMs = loopMs(base, (doc) => {
    for (const update of some) {
      Y.applyUpdate(doc, netOfRevertedUpdate(doc, update, [['issueStatement', 'xml']], 7));
    }
  });
  const refusedWithoutCopyMs = loopMs(base, (doc) => {
    for (const update of some) {
      const decoded = Y.decodeUpdate(update);
      const { rootNameOf } = sectionsTouched(doc, decoded, 'slot');
      const net = netOfRefusedInsertions(doc, decoded, (item) => {
        const root = rootNameOf(item);
        return root === null || root === 'issueStatement';
      });
      if (!net) throw new Error('a keystroke that only adds needed a copy');
      Y.applyUpdate(doc, net);
    }
  });
  report(
    `20 keystrokes on a ${EXISTING_PARAGRAPHS}-paragraph board`,
    'allowed',
    allowedMs,
    'refused (each reverted on a copy)',
    refusedMs,
  );
  report(
    `20 keystrokes on a ${EXISTING_PARAGRAPHS}-paragraph board`,
    'allowed',
    allowedMs,
    'refused (each reverted without a copy, judged too)',
    refusedWithoutCopyMs,
  );
  process.stdout.write(
    `one refused keystroke: ${(refusedMs / some.length).toFixed(3)} ms on a copy, ` +
      `${(refusedWithoutCopyMs / some.length).toFixed(3)} ms without
`,
  );
  base.destroy();
}

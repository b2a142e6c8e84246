/**
 * [AT-D1] The write gate, with real y-websocket providers and a live meeting moved on by the
 * facilitator: for each rule of docs/protocol.md (W1–W14) an allowed edit reaches a third client,
 * and a forbidden one never reaches it, is reverted at the sender with a notice (G3), and the
 * sender's next allowed edit still syncs. A mixed update keeps its allowed roots.
 */
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { meetingIdOf, personalRoot } from '@setboard/shared';
import { atTurnOf, boardFixture, type BoardFixture } from '../../support/board-fixture.js';
import { connectBoard, proseOf, typeParagraph } from '../../support/board-client.js';
import { checkWriteRule, type GateEdit } from '../../support/gate-check.js';
import type { TestPerson } from '../../support/actors.js';

/** A paragraph typed into the prose root `root`. */
function prose(who: TestPerson, root: string): GateEdit {
  return {
    who,
    write: (doc, marker) => typeParagraph(doc, root, marker),
    has: (doc, marker) => proseOf(doc, root).includes(marker),
  };
}

/**
 * A record (a Y.Map of fields) set under a new key of the map root `root`. Keys are ids, never
 * content: a refused record's key stays behind as a deleted entry (its fields do not).
 */
function record(who: TestPerson, root: string, key?: string): GateEdit {
  return {
    who,
    write: (doc, marker) =>
      doc.getMap(root).set(key ?? randomUUID(), new Y.Map<unknown>([['statement', marker]])),
    has: (doc, marker) =>
      [...doc.getMap<Y.Map<unknown>>(root).values()].some(
        (value) => value instanceof Y.Map && value.get('statement') === marker,
      ),
  };
}

/** Plain text in the shared notes. */
function notes(who: TestPerson): GateEdit {
  return {
    who,
    write: (doc, marker) => doc.getText('notes').insert(0, marker),
    has: (doc, marker) => doc.getText('notes').toString().includes(marker),
  };
}

describe('[AT-D1] the write gate, rule by rule, through a live meeting', () => {
  let f: BoardFixture;
  let fran: TestPerson, pat: TestPerson, mo: TestPerson, ann: TestPerson;
  let setDoc: string, meetingDoc: string;
  const id = (person: TestPerson) => person.personId;

  beforeAll(async () => {
    f = await boardFixture();
    [fran, pat, mo, ann] = [f.fran, f.pat, f.mo, f.ann].map((client) => client.person) as [
      TestPerson,
      TestPerson,
      TestPerson,
      TestPerson,
    ];
    setDoc = `set:${f.people.set.id}`;
    meetingDoc = `meeting:${f.meetingId}`;
  });

  it('[AT-D1][W14][W10][W12] set doc at any time: shared notes, own agreement, own objectives', async () => {
    await checkWriteRule(f.server, {
      rule: 'W10',
      docName: setDoc,
      observer: ann,
      allowed: record(mo, 'agreements', id(mo)),
      forbidden: record(mo, 'agreements', id(ann)),
      nextAllowed: notes(mo),
    });
    await checkWriteRule(f.server, {
      rule: 'W12',
      docName: setDoc,
      observer: fran,
      allowed: record(mo, personalRoot('personalObjectives', id(mo))),
      forbidden: record(ann, personalRoot('personalObjectives', id(mo))),
      nextAllowed: record(ann, personalRoot('personalObjectives', id(ann))),
    });
  });

  it('[AT-D1][W9] the facilitator writes the ground rules during contracting; a member never', async () => {
    await f.advanceUntil((state) => state.phase === 'contracting', 'contracting');
    await checkWriteRule(f.server, {
      rule: 'W9',
      docName: setDoc,
      observer: ann,
      allowed: prose(fran, 'groundRules'),
      forbidden: prose(mo, 'groundRules'),
      nextAllowed: notes(mo),
    });
  });

  it('[AT-D1][W6] each member writes their own expectations card, on their turn only', async () => {
    await f.advanceUntil(atTurnOf('expectations_round', id(mo)), 'Mo’s turn');
    await checkWriteRule(f.server, {
      rule: 'W6',
      docName: meetingDoc,
      observer: fran,
      allowed: prose(mo, personalRoot('expectations', id(mo))),
      forbidden: prose(ann, personalRoot('expectations', id(ann))),
    });
    await checkWriteRule(f.server, {
      rule: 'W6',
      docName: meetingDoc,
      observer: pat,
      allowed: prose(mo, personalRoot('expectations', id(mo))),
      forbidden: prose(ann, personalRoot('expectations', id(mo))),
    });
  });

  it('[AT-D1][W7] a report-back is its owner’s, freely between meetings (the next meeting is not open)', async () => {
    const nextMeetingDoc = `meeting:${meetingIdOf(f.people.set.id, 1)}`;
    await checkWriteRule(f.server, {
      rule: 'W7',
      docName: nextMeetingDoc,
      observer: fran,
      allowed: prose(ann, personalRoot('reportBack', id(ann))),
      forbidden: prose(mo, personalRoot('reportBack', id(ann))),
      nextAllowed: prose(mo, personalRoot('reportBack', id(mo))),
    });
  });

  it('[AT-D1][W11] the set writes its objectives during the objectives stage, not after', async () => {
    await f.advanceUntil((state) => state.phase === 'objectives', 'objectives');
    await checkWriteRule(f.server, {
      rule: 'W11',
      docName: setDoc,
      observer: fran,
      allowed: record(ann, 'setObjectives'),
      // The objectives stage ends before the forbidden edit.
      beforeForbidden: () => f.advanceUntil((state) => state.phase === 'bidding', 'bidding'),
      forbidden: record(mo, 'setObjectives'),
      nextAllowed: notes(mo),
    });
  });

  it('[AT-D1][W1][W2][W3][W5][W8] in Pat’s slot: issue, actions and summary are Pat’s; questions are nobody’s to type', async () => {
    const { slotId } = await f.toPatsSlot('clarifying');
    const slotDoc = `slot:${slotId}`;
    await checkWriteRule(f.server, {
      rule: 'W1',
      docName: slotDoc,
      observer: ann,
      allowed: prose(pat, 'issueStatement'),
      forbidden: prose(mo, 'issueStatement'),
    });
    await checkWriteRule(f.server, {
      rule: 'W2',
      docName: slotDoc,
      observer: ann,
      allowed: record(pat, 'actions'),
      forbidden: record(mo, 'actions'),
    });
    await checkWriteRule(f.server, {
      rule: 'W3',
      docName: slotDoc,
      observer: ann,
      allowed: prose(pat, 'desiredOutcome'),
      forbidden: record(pat, 'questions'),
      nextAllowed: prose(pat, 'desiredOutcome'),
    });
    await checkWriteRule(f.server, {
      rule: 'W5',
      docName: slotDoc,
      observer: fran,
      allowed: prose(pat, 'summary'),
      forbidden: prose(ann, 'summary'),
    });
    await checkWriteRule(f.server, {
      rule: 'W8',
      docName: meetingDoc,
      observer: ann,
      allowed: prose(fran, 'processReview'),
      forbidden: prose(mo, 'processReview'),
    });
  });

  it('[AT-D1][W4] reflections: each their own, during reflecting back only', async () => {
    const { slotId } = await f.toPatsSlot('reflecting_back');
    await checkWriteRule(f.server, {
      rule: 'W4',
      docName: `slot:${slotId}`,
      observer: pat,
      allowed: prose(mo, personalRoot('reflections', id(mo))),
      forbidden: prose(ann, personalRoot('reflections', id(mo))),
      nextAllowed: prose(ann, personalRoot('reflections', id(ann))),
    });
    await f.toPatsSlot('action_planning');
    await checkWriteRule(f.server, {
      rule: 'W4',
      docName: `slot:${slotId}`,
      observer: pat,
      allowed: prose(pat, 'issueStatement'),
      forbidden: prose(mo, personalRoot('reflections', id(mo))),
    });
  });

  it('[AT-D1] an update mixing an allowed and a forbidden root keeps the allowed root and reverts the other', async () => {
    const slotId = f.fran.state.currentSlotId!;
    const slotDoc = `slot:${slotId}`;
    const observer = connectBoard(f.server.url, slotDoc, ann);
    const presenter = connectBoard(f.server.url, slotDoc, pat);
    await Promise.all([observer.synced(), presenter.synced()]);
    presenter.doc.transact(() => {
      typeParagraph(presenter.doc, 'issueStatement', 'MIXED-KEPT');
      typeParagraph(presenter.doc, personalRoot('reflections', id(mo)), 'MIXED-REFUSED');
    });
    const notice = await presenter.waitForNotice();
    expect(notice.refusals).toMatchObject([
      { rule: 'W4', section: `reflections:${id(mo)}`, text: 'MIXED-REFUSED' },
    ]);
    await observer.waitUntil(
      (doc) => proseOf(doc, 'issueStatement').includes('MIXED-KEPT'),
      'the allowed root',
    );
    await presenter.waitUntil(
      (doc) => !proseOf(doc, personalRoot('reflections', id(mo))).includes('MIXED-REFUSED'),
      'the refused root reverted',
    );
    expect(proseOf(presenter.doc, 'issueStatement')).toContain('MIXED-KEPT');
    expect(observer.everReceived('MIXED-REFUSED')).toBe(false);
  });

  it('[AT-D1] deleting someone else’s words is refused too: the text comes back for everyone', async () => {
    const slotDoc = `slot:${f.fran.state.currentSlotId!}`;
    const presenter = connectBoard(f.server.url, slotDoc, pat);
    const member = connectBoard(f.server.url, slotDoc, mo);
    await Promise.all([presenter.synced(), member.synced()]);
    typeParagraph(presenter.doc, 'summary', 'KEEP-THIS-SUMMARY');
    await member.waitUntil(
      (doc) => proseOf(doc, 'summary').includes('KEEP-THIS-SUMMARY'),
      'the summary',
    );
    const summary = member.doc.getXmlFragment('summary');
    summary.delete(0, summary.length);
    const notice = await member.waitForNotice();
    expect(notice.refusals.map((refusal) => refusal.rule)).toEqual(['W5']);
    await member.waitUntil(
      (doc) => proseOf(doc, 'summary').includes('KEEP-THIS-SUMMARY'),
      'the summary restored',
    );
    await presenter.waitUntil(
      (doc) => proseOf(doc, 'summary').includes('KEEP-THIS-SUMMARY'),
      'the summary still there',
    );
  });
});

import { type QuestionRecord, checkQuestion, slotBoardPath } from '@setboard/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RoomDriver, nameOf } from '../../../../live-meeting/test-support/room-driver';
import { adviceAnnouncement, adviceKey } from './advice-announcement';
import { NOT_THIS_SLOT, askStatus } from './ask-status';
import { flagLabels, questionPermissions, readQuestions, slotIsRunning } from './questions';
import { parseSlotRoute } from './slot-board-paths';

const SLOT_ID = 'set-m0-s1';

/** Ann presents in the meeting's first slot, which has reached clarifying questions. */
function annClarifying(settings: { queue?: 'floor' | 'open' } = {}): RoomDriver {
  const driver = new RoomDriver({ settings: { quorum: 3, timeAllocation: 'bid', ...settings } });
  driver.bidding().do('ann', { type: 'bid:place', synopsis: 'Rotas', minutes: 40 });
  driver.advance(2).do('ann', { type: 'presenting:finish' });
  return driver;
}

function slotOf(driver: RoomDriver) {
  return driver.state.slots.find((slot) => slot.id === SLOT_ID)!;
}

function record(overrides: Partial<QuestionRecord> = {}): QuestionRecord {
  return {
    text: 'What have you tried?',
    authorId: 'bob',
    stage: 'clarifying',
    askedAt: 1,
    editedAt: null,
    adviceFlags: [],
    helped: false,
    withdrawn: false,
    ...overrides,
  };
}

describe('reading the questions on a slot board', () => {
  it('lists well-formed questions oldest first and leaves out anything else', () => {
    const doc = new Y.Doc();
    const questions = doc.getMap<unknown>('questions');
    questions.set('q2', new Y.Map(Object.entries(record({ askedAt: 20, text: 'Second?' }))));
    questions.set('q1', new Y.Map(Object.entries(record({ askedAt: 10, text: 'First?' }))));
    questions.set('junk', new Y.Map(Object.entries({ text: 42 })));
    questions.set('plain', 'not a record');
    expect(readQuestions(questions).map((entry) => [entry.id, entry.record.text])).toEqual([
      ['q1', 'First?'],
      ['q2', 'Second?'],
    ]);
  });

  it('names the advice flags a question was sent with, skipping codes it does not know', () => {
    expect(flagLabels(['because', 'from_a_newer_server', 'stacked'])).toEqual([
      'Gives a reason inside the question',
      'More than one question at once',
    ]);
  });
});

describe('what each person may do with a question', () => {
  it('lets the author change or withdraw their own while the slot runs', () => {
    const driver = annClarifying();
    const viewer = { selfId: 'bob', slot: slotOf(driver), state: driver.state };
    expect(questionPermissions(record(), viewer)).toEqual({
      edit: true,
      withdraw: true,
      markHelped: false,
      delete: false,
    });
    expect(questionPermissions(record({ authorId: 'cat' }), viewer).edit).toBe(false);
    expect(questionPermissions(record({ withdrawn: true }), viewer).withdraw).toBe(false);
  });

  it('gives the presenter the helped mark and deletion, even after the slot', () => {
    const driver = annClarifying();
    expect(slotIsRunning(driver.state, slotOf(driver))).toBe(true);
    const viewer = { selfId: 'ann', slot: slotOf(driver), state: driver.state };
    expect(questionPermissions(record(), viewer)).toMatchObject({ markHelped: true, delete: true });

    while (slotOf(driver).stage !== 'complete') driver.advance();
    const after = { selfId: 'ann', slot: slotOf(driver), state: driver.state };
    expect(slotIsRunning(driver.state, after.slot)).toBe(false);
    expect(questionPermissions(record(), after)).toMatchObject({ markHelped: true, delete: true });
    expect(questionPermissions(record(), { ...after, selfId: 'bob' }).edit).toBe(false);
  });
});

describe('whether a member may ask now (the reducer’s own rule)', () => {
  it('under the floor queue, only the member holding the floor asks', () => {
    const driver = annClarifying();
    const status = (personId: string) =>
      askStatus(driver.state, slotOf(driver), personId, nameOf, driver.now);
    expect(status('bob')).toEqual({
      enabled: false,
      reason: 'Only the person with the floor puts a question.',
    });
    driver.do('bob', { type: 'hand:raise' });
    expect(status('bob')).toEqual({ enabled: true });
    expect(status('cat').enabled).toBe(false);
    expect(status('ann')).toEqual({
      enabled: false,
      reason: 'The presenter answers; the set asks.',
    });
  });

  it('under the open queue, any member present asks', () => {
    const driver = annClarifying({ queue: 'open' });
    expect(askStatus(driver.state, slotOf(driver), 'cat', nameOf, driver.now)).toEqual({
      enabled: true,
    });
  });

  it('is closed while presenting and outside this slot', () => {
    const driver = new RoomDriver({ settings: { quorum: 3, timeAllocation: 'bid' } });
    driver.bidding().do('ann', { type: 'bid:place', synopsis: 'Rotas', minutes: 40 });
    driver.advance(2);
    expect(askStatus(driver.state, slotOf(driver), 'bob', nameOf, driver.now)).toEqual({
      enabled: false,
      reason: 'Only in the question stages.',
    });
    const elsewhere = { ...slotOf(driver), id: 'set-m0-s9' };
    expect(askStatus(driver.state, elsewhere, 'bob', nameOf, driver.now)).toEqual({
      enabled: false,
      reason: NOT_THIS_SLOT,
    });
  });
});

describe('what a screen reader hears about the advice check', () => {
  it('changes only when the kinds of sign change, not with every word', () => {
    const long = (words: number) => `What ${'really '.repeat(words)}matters?`;
    const first = checkQuestion(long(30), { stage: 'exploring' });
    const second = checkQuestion(long(31), { stage: 'exploring' });
    expect(first.reasons[0]?.message).not.toBe(second.reasons[0]?.message);
    expect(adviceKey(first)).toBe(adviceKey(second));
  });

  it('says nothing for a good question and gives the first reason otherwise', () => {
    expect(adviceAnnouncement(checkQuestion('What have you tried?', { stage: 'exploring' }))).toBe(
      '',
    );
    const check = checkQuestion('Have you thought about asking HR?', { stage: 'exploring' });
    expect(adviceAnnouncement(check)).toContain(check.reasons[0]!.message);
  });
});

describe('the slot board’s address', () => {
  it('accepts a slot of that set’s meeting and nothing else', () => {
    expect(parseSlotRoute({ setId: 'set', meetingIndex: '0', slotId: SLOT_ID })).toEqual({
      setId: 'set',
      meetingIndex: 0,
      meetingId: 'set-m0',
      slotId: SLOT_ID,
      docName: `slot:${SLOT_ID}`,
    });
    expect(parseSlotRoute({ setId: 'set', meetingIndex: '1', slotId: SLOT_ID })).toBeNull();
    expect(parseSlotRoute({ setId: 'other', meetingIndex: '0', slotId: SLOT_ID })).toBeNull();
    expect(parseSlotRoute({ setId: 'set', meetingIndex: 'x', slotId: SLOT_ID })).toBeNull();
    // The links other pages make lead here.
    const [, , setId, , meetingIndex, , slotId] = slotBoardPath('set', 0, SLOT_ID).split('/');
    expect(parseSlotRoute({ setId, meetingIndex, slotId })?.docName).toBe(`slot:${SLOT_ID}`);
  });
});

import { ActionRecord } from '@setboard/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRecord, deleteRecord, readRecords, updateRecord } from './record-store';
import { newRecordId } from './record-id';
import { defaultDueDate, defaultReviewMeetingNumber, parseOptionalDate } from './record-dates';

const action = (what: string, createdAt: number): ActionRecord => ({
  what,
  intendedOutcome: '',
  howWillIKnow: '',
  due: '2027-12-14',
  status: 'draft',
  statusNote: '',
  createdAt,
  progress: [],
});

/** Two docs that pass each other every update, like two people on one board. */
function pairOfDocs(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (update: Uint8Array) => Y.applyUpdate(b, update));
  b.on('update', (update: Uint8Array) => Y.applyUpdate(a, update));
  return [a, b];
}

describe('records in a map section', () => {
  it('arrive whole, in one update, and read back oldest first', () => {
    const [a, b] = pairOfDocs();
    let updates = 0;
    b.on('update', () => (updates += 1));
    createRecord(a, 'actions', 'second', action('Second', 2));
    createRecord(a, 'actions', 'first', action('First', 1));
    expect(updates).toBe(2);
    expect(readRecords(b.getMap('actions'), ActionRecord).map((entry) => entry.id)).toEqual([
      'first',
      'second',
    ]);
  });

  it('change only the fields that differ, and can be deleted', () => {
    const [a, b] = pairOfDocs();
    createRecord(a, 'actions', 'one', action('One', 1));
    const changed: string[] = [];
    b.getMap('actions').observeDeep((events) => {
      for (const event of events) changed.push(...event.changes.keys.keys());
    });
    expect(updateRecord(a, 'actions', 'one', { ...action('One', 1), status: 'committed' })).toBe(
      true,
    );
    expect(changed).toEqual(['status']);
    deleteRecord(b, 'actions', 'one');
    expect(readRecords(a.getMap('actions'), ActionRecord)).toEqual([]);
    expect(updateRecord(a, 'actions', 'one', action('One', 1))).toBe(false);
  });

  it('leaves out anything that is not a valid record', () => {
    const doc = new Y.Doc();
    doc.getMap('actions').set('plain', 'not a map');
    createRecord(doc, 'actions', 'half', { what: 'No other fields' });
    expect(readRecords(doc.getMap('actions'), ActionRecord)).toEqual([]);
  });

  it('get ids that are URL-safe and different every time', () => {
    const ids = new Set(Array.from({ length: 100 }, () => newRecordId()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{20,64}$/);
  });
});

describe('record dates', () => {
  const meetings = ['2027-09-21', '2027-12-14', '2028-03-22'].map((date) => ({
    date,
    startTime: '09:30',
    endTime: '13:00',
    place: '',
    videoLink: '',
  }));

  it('default an action to the next meeting, or none after the last', () => {
    expect(defaultDueDate(meetings, 0)).toBe('2027-12-14');
    expect(defaultDueDate(meetings, 2)).toBe('');
  });

  it('review at the live meeting, else the latest held, else the first', () => {
    expect(defaultReviewMeetingNumber(meetings, '2027-01-01', 3)).toBe(3);
    expect(defaultReviewMeetingNumber(meetings, '2027-12-14', null)).toBe(2);
    expect(defaultReviewMeetingNumber(meetings, '2027-01-01', null)).toBe(1);
  });

  it('read an empty date as none and an impossible one as an error', () => {
    expect(parseOptionalDate({ day: '', month: ' ', year: '' })).toEqual({ ok: true, date: '' });
    expect(parseOptionalDate({ day: '29', month: '2', year: '2028' })).toEqual({
      ok: true,
      date: '2028-02-29',
    });
    expect(parseOptionalDate({ day: '29', month: '2', year: '2027' })).toEqual({ ok: false });
    expect(parseOptionalDate({ day: '1', month: '', year: '2027' })).toEqual({ ok: false });
  });
});

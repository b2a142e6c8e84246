import { ActionRecord } from '@setboard/shared';
import { describe, expect, it } from 'vitest';
import { actionStatusChoices, buildAction, draftFromAction, newActionDraft } from './action-form';

const NOW = Date.UTC(2027, 8, 21, 11, 0);

const saved: ActionRecord = {
  what: 'Talk to the ward managers about rostering',
  intendedOutcome: 'A roster pilot agreed',
  howWillIKnow: 'Two wards sign up',
  due: '2027-12-14',
  status: 'committed',
  statusNote: '',
  createdAt: NOW - 1000,
  progress: [],
};

describe('a new action', () => {
  it('is due at the next meeting unless the presenter says otherwise', () => {
    expect(newActionDraft('2027-12-14').due).toEqual({ day: '14', month: '12', year: '2027' });
    expect(newActionDraft('').due).toEqual({ day: '', month: '', year: '' });
  });

  it('builds a complete record that the shared schema accepts', () => {
    const draft = { ...newActionDraft('2027-12-14'), what: '  Ask for the data  ' };
    const built = buildAction(draft, null, NOW);
    expect(built).toEqual({
      ok: true,
      record: {
        what: 'Ask for the data',
        intendedOutcome: '',
        howWillIKnow: '',
        due: '2027-12-14',
        status: 'draft',
        statusNote: '',
        createdAt: NOW,
        progress: [],
      },
    });
    if (built.ok) expect(ActionRecord.safeParse(built.record).success).toBe(true);
  });

  it('needs what you will do and a real due date', () => {
    const draft = { ...newActionDraft(''), due: { day: '31', month: '2', year: '2028' } };
    expect(buildAction(draft, null, NOW)).toEqual({
      ok: false,
      errors: {
        what: 'Enter what you will do',
        due: 'The date it is due must be a real date, like 14 12 2027',
      },
    });
    expect(buildAction({ ...draft, what: 'x', due: newActionDraft('').due }, null, NOW)).toEqual({
      ok: false,
      errors: { due: 'Enter the date it is due' },
    });
  });
});

describe('changing an action', () => {
  it('keeps when it was made', () => {
    const built = buildAction({ ...draftFromAction(saved), status: 'done' }, saved, NOW);
    expect(built.ok && built.record.createdAt).toBe(saved.createdAt);
  });

  it('never goes back to draft once committed', () => {
    expect(actionStatusChoices(null)).toEqual(['draft', 'committed']);
    expect(actionStatusChoices('draft')).toContain('draft');
    expect(actionStatusChoices('committed')).not.toContain('draft');
    expect(buildAction({ ...draftFromAction(saved), status: 'draft' }, saved, NOW)).toEqual({
      ok: false,
      errors: { status: 'Choose a status this action can move to' },
    });
  });

  it('needs a reason to drop it, and a later date to carry it forward', () => {
    expect(buildAction({ ...draftFromAction(saved), status: 'dropped' }, saved, NOW)).toEqual({
      ok: false,
      errors: { statusNote: 'Say why you are dropping this action' },
    });
    const carried = { ...draftFromAction(saved), status: 'carried_forward' as const };
    expect(buildAction(carried, saved, NOW)).toEqual({
      ok: false,
      errors: { due: 'To carry this action forward, enter a new date after the old one' },
    });
    const later = { ...carried, due: { day: '22', month: '3', year: '2028' } };
    const built = buildAction(later, saved, NOW);
    expect(built.ok && built.record.due).toBe('2028-03-22');
    // Once carried forward, other changes need no new date.
    const again = { ...later, statusNote: 'The pilot slipped' };
    const onceMore = built.ok ? buildAction(again, built.record, NOW) : built;
    expect(onceMore.ok).toBe(true);
  });
});

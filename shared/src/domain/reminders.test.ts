import { describe, expect, it } from 'vitest';
import { londonTimeToEpoch } from './calendar/london-time.js';
import {
  actionReminders,
  groundRulesReminder,
  meetingReminders,
  reminderIsDue,
} from './reminders.js';

const owned = (status: 'committed' | 'done', due = '2027-12-14') => ({
  personId: 'pat',
  setName: 'Heads of Service',
  slotId: 's1',
  actionId: 'a1',
  action: { due, status, what: 'Talk to the ward managers' },
});

describe('reminders', () => {
  it('an open action: seven days before at 08:00 London, and on the day; none once done', () => {
    const [soon, today] = actionReminders(owned('committed'));
    expect(soon!.triggerAt).toBe(londonTimeToEpoch('2027-12-07', '08:00'));
    expect(soon!.expiresAt).toBe(londonTimeToEpoch('2027-12-14', '08:00'));
    expect(today!.triggerAt).toBe(londonTimeToEpoch('2027-12-14', '08:00'));
    expect(today!.expiresAt).toBe(londonTimeToEpoch('2027-12-15', '00:00'));
    // E-mailable titles carry no board content; the action's words stay in-app.
    expect(soon!.title).not.toContain('ward');
    expect(actionReminders(owned('done'))).toEqual([]);
    // A new due date is a new reminder.
    expect(actionReminders(owned('committed', '2027-12-21'))[0]!.key).not.toBe(soon!.key);
  });

  it('a meeting: a week before and the day before; a moved meeting has new keys', () => {
    const plan = {
      date: '2027-12-14',
      startTime: '09:30',
      endTime: '13:00',
      place: '',
      videoLink: '',
    };
    const [week, tomorrow] = meetingReminders('pat', { id: 'set', name: 'Set' }, 1, plan);
    const start = londonTimeToEpoch('2027-12-14', '09:30');
    expect(reminderIsDue(week!, start - 7 * 86_400_000)).toBe(true);
    expect(reminderIsDue(week!, start - 86_400_000)).toBe(false);
    expect(reminderIsDue(tomorrow!, start - 86_400_000)).toBe(true);
    expect(reminderIsDue(tomorrow!, start)).toBe(false);
    const moved = meetingReminders('pat', { id: 'set', name: 'Set' }, 1, {
      ...plan,
      date: '2027-12-15',
    });
    expect(moved[0]!.key).not.toBe(week!.key);
  });

  it('ground rules: until the person agrees to the latest version', () => {
    const set = { id: 'set', name: 'Set' };
    expect(groundRulesReminder('mo', set, { version: 2, publishedAt: 5 }, 1)).toHaveLength(1);
    expect(groundRulesReminder('mo', set, { version: 2, publishedAt: 5 }, 2)).toEqual([]);
  });
});

import { addDays, format, parseISO } from 'date-fns';
import { describe, expect, it } from 'vitest';
import type { MeetingPlan } from '../protocol/api/sets.js';
import { bankHolidays, isWorkingDay, weekdayOf } from './calendar/working-days.js';
import { londonDateOf, londonTimeToEpoch } from './calendar/london-time.js';
import { planMeetings } from './meeting-plan.js';
import {
  lifecycleAfterMeeting,
  lifecycleChangeRefusal,
  nextUnheldMeeting,
  planChangeIssues,
} from './set-year.js';

const meeting = (date: string): MeetingPlan => ({
  date,
  startTime: '09:30',
  endTime: '13:00',
  place: '',
  videoLink: '',
});

describe('the meeting planner', () => {
  it('knows the bank holidays of England and Wales', () => {
    expect(bankHolidays(2017)).toEqual([
      '2017-01-02',
      '2017-04-14',
      '2017-04-17',
      '2017-05-01',
      '2017-05-29',
      '2017-08-28',
      '2017-12-25',
      '2017-12-26',
    ]);
    // Christmas on a Saturday: Monday and Tuesday instead.
    expect(bankHolidays(2021).slice(-2)).toEqual(['2021-12-27', '2021-12-28']);
  });

  it('never proposes a weekend or a bank holiday, from any first date over three years', () => {
    let day = parseISO('2026-01-01');
    for (let index = 0; index < 3 * 365; index++) {
      const first = format(day, 'yyyy-MM-dd');
      for (const planned of planMeetings(meeting(first)).slice(1)) {
        expect(isWorkingDay(planned.date), `${first} planned ${planned.date}`).toBe(true);
      }
      day = addDays(day, 1);
    }
  });

  it('keeps the first meeting’s weekday when it is a working day', () => {
    const dates = planMeetings(meeting('2027-09-21')).map((planned) => planned.date);
    expect(dates.map(weekdayOf)).toEqual(['Tuesday', 'Tuesday', 'Tuesday', 'Tuesday']);
    // Easter Monday 2028 is 17 April: a Monday set moves to the Tuesday.
    const mondays = planMeetings(meeting('2028-01-17'), 2).map((planned) => planned.date);
    expect(mondays).toEqual(['2028-01-17', '2028-04-18']);
  });
});

describe('the next meeting', () => {
  const plan = ['2027-09-21', '2027-12-14', '2028-03-21'].map(meeting);

  it('is the one running now, else the first unheld from today', () => {
    expect(nextUnheldMeeting(plan, ['held', 'running', 'planned'], '2028-01-01')).toBe(1);
    expect(nextUnheldMeeting(plan, ['planned', 'planned', 'planned'], '2027-09-21')).toBe(0);
    // Held today: the next one, not today's.
    expect(nextUnheldMeeting(plan, ['held', 'planned', 'planned'], '2027-09-21')).toBe(1);
    expect(nextUnheldMeeting(plan, ['held', 'held', 'held'], '2027-09-21')).toBeNull();
  });
});

describe('the set’s lifecycle', () => {
  it('moves with its meetings', () => {
    const start = { count: 4, event: 'started' as const };
    expect(lifecycleAfterMeeting('forming', { ...start, index: 0 })).toBe('active');
    expect(lifecycleAfterMeeting('active', { ...start, index: 3 })).toBe('closing');
    expect(lifecycleAfterMeeting('closing', { count: 4, index: 3, event: 'closed' })).toBe(
      'closed',
    );
    expect(lifecycleAfterMeeting('active', { count: 4, index: 1, event: 'closed' })).toBe('active');
    expect(lifecycleAfterMeeting('closed', { ...start, index: 0 })).toBe('closed');
  });

  it('changes by hand only to close or to reopen', () => {
    expect(lifecycleChangeRefusal('forming', 'closed', ['planned'])).toBeNull();
    expect(lifecycleChangeRefusal('forming', 'active', ['planned'])).toMatch(/by itself/);
    expect(lifecycleChangeRefusal('closed', 'active', ['held', 'planned'])).toBeNull();
    expect(lifecycleChangeRefusal('closed', 'active', ['planned'])).toMatch(/forming/);
    expect(lifecycleChangeRefusal('active', 'closed', ['running'])).toMatch(/running/);
  });
});

describe('changing the plan', () => {
  const plan = ['2027-09-21', '2027-12-14', '2028-03-21'].map(meeting);

  it('keeps an opened meeting’s date and the meetings in order', () => {
    const moved = [meeting('2027-09-22'), ...plan.slice(1)];
    expect(planChangeIssues(plan, moved, ['opened', 'planned', 'planned'])).toEqual([
      {
        path: 'meetings.0.date',
        message: 'Meeting 1’s room has been opened, so its date and times cannot change.',
      },
    ]);
    const swapped = [plan[0]!, meeting('2028-04-01'), plan[2]!];
    expect(planChangeIssues(plan, swapped, ['held', 'planned', 'planned'])).toEqual([
      { path: 'meetings.2.date', message: 'Meeting 3 must be after meeting 2' },
    ]);
    expect(planChangeIssues(plan, plan.slice(0, 1), ['held', 'opened', 'planned'])).toHaveLength(1);
    const placeOnly = [{ ...plan[0]!, place: 'Room 2' }, ...plan.slice(1)];
    expect(planChangeIssues(plan, placeOnly, ['held', 'planned', 'planned'])).toEqual([]);
  });
});

describe('London time', () => {
  it('reads dates and times as London wall-clock time', () => {
    expect(londonTimeToEpoch('2027-07-01', '09:30')).toBe(Date.UTC(2027, 6, 1, 8, 30));
    expect(londonDateOf(Date.UTC(2027, 6, 1, 23, 30))).toBe('2027-07-02');
  });
});

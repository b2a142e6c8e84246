import {
  type MeetingState,
  createMeetingState,
  meetingSchedule,
  reduceMeeting,
} from '@setboard/shared';
import { describe, expect, it } from 'vitest';
import { agendaItems, currentStageLabel, londonClock, scheduleWarning } from './agenda-items';
import { announcementFor } from './announcements';
import { formatClock, remainingAt, secondsLeft } from '../../../live-meeting/countdown';

const START = Date.UTC(2027, 8, 21, 8, 30);

function run(
  state: MeetingState,
  personId: string,
  ...commands: Parameters<typeof reduceMeeting>[1][]
) {
  let current = state;
  for (const command of commands) {
    const result = reduceMeeting(current, command, { personId, isOrganiser: false }, START);
    if (!result.ok) throw new Error(`${command.type} refused: ${result.code}`);
    current = result.state;
  }
  return current;
}

/** A first meeting with a facilitator and two members, started and in its opening. */
function openingMeeting(): MeetingState {
  let state = createMeetingState({
    meetingId: 'set-m0',
    meetingNumber: 1,
    startsAt: START,
    roster: [
      { personId: 'fran', role: 'facilitator' },
      { personId: 'ann', role: 'member' },
      { personId: 'bob', role: 'member' },
    ],
    settings: { quorum: 2 },
  });
  state = run(state, 'fran', { type: 'lobby:open' }, { type: 'meeting:join' });
  state = run(state, 'ann', { type: 'meeting:join' });
  state = run(state, 'bob', { type: 'meeting:join' });
  return run(state, 'fran', { type: 'meeting:start' });
}

describe('the meeting room’s countdown', () => {
  it('corrects the deadline by the clock offset and never shows more than the stage has', () => {
    const state = openingMeeting();
    // This browser's clock runs 10 s behind the server's.
    const offsetMs = 10_000;
    expect(remainingAt(state, offsetMs, START - offsetMs + 60_000)).toBe(4 * 60_000);
    expect(remainingAt(state, offsetMs, START - offsetMs - 5_000)).toBe(5 * 60_000);
    expect(formatClock(secondsLeft(299_001))).toBe('05:00');
    expect(formatClock(secondsLeft(-61_000))).toBe('01:01');
  });

  it('keeps what was left during a time out', () => {
    const paused = run(openingMeeting(), 'fran', { type: 'timer:pause' });
    expect(remainingAt(paused, 0, START + 99 * 60_000)).toBe(5 * 60_000);
  });
});

describe('the meeting room’s agenda and announcements', () => {
  it('marks the current stage', () => {
    const state = run(openingMeeting(), 'fran', { type: 'stage:advance' });
    const current = agendaItems(state, (id) => id).filter((item) => item.current);
    expect(current.map((item) => item.label)).toEqual(['Agreeing our ground rules']);
    expect(currentStageLabel(state)).toBe('Agreeing our ground rules');
  });

  it('tells the person whose turn it is, and names it for everyone else', () => {
    const state = openingMeeting();
    const events = [{ type: 'floor:granted' as const, personId: 'ann' }];
    const nameOf = (id: string) => id.toUpperCase();
    expect(announcementFor(events, { state, selfId: 'ann', nameOf })).toBe(
      'It is your turn: you have the floor.',
    );
    expect(announcementFor(events, { state, selfId: 'bob', nameOf })).toBe('ANN has the floor.');
    const warning = [{ type: 'time:warning' as const, remainingMs: 120_000 }];
    expect(announcementFor(warning, { state, selfId: 'bob', nameOf })).toBe('2 minutes left.');
    const quiet = [{ type: 'hand:raised' as const, personId: 'bob' }];
    expect(announcementFor(quiet, { state, selfId: 'ann', nameOf })).toBeNull();
  });
});

describe('the agenda against the clock', () => {
  it('shows each part’s planned start in London time (BST in September)', () => {
    const state = openingMeeting();
    const schedule = meetingSchedule(state, START + 4 * 60 * 60_000);
    const items = agendaItems(state, (id) => id, schedule);
    // 08:30 UTC is 09:30 in London; contracting follows the five-minute opening.
    expect(items.find((item) => item.key === 'opening')?.at).toBe('09:30');
    expect(items.find((item) => item.key === 'contracting')?.at).toBe('09:35');
    expect(londonClock(START)).toBe('09:30');
  });

  it('warns when the plan runs past the planned end, and not when it fits', () => {
    const state = openingMeeting();
    expect(scheduleWarning(meetingSchedule(state, START + 4 * 60 * 60_000), '13:30')).toBeNull();
    // Opening 5, contracting 30, two expectations turns 10, objectives 25, bidding 10, process
    // review 15, closing 5: 100 minutes against a one-hour meeting.
    expect(scheduleWarning(meetingSchedule(state, START + 60 * 60_000), '10:30')).toBe(
      'The plan runs 40 minutes past the planned end (10:30), breaks not counted. Shorten a slot or defer one.',
    );
  });
});

describe('announcing presence and carried hands', () => {
  it('says who left and came back, and that hands stay up into exploring', () => {
    const state = openingMeeting();
    const context = { selfId: 'ann', nameOf: (id: string) => id.toUpperCase(), state };
    expect(announcementFor([{ type: 'participant:left', personId: 'bob' }], context)).toBe(
      'BOB has left the room.',
    );
    expect(announcementFor([{ type: 'participant:back', personId: 'bob' }], context)).toBe(
      'BOB is back.',
    );
    expect(announcementFor([{ type: 'hands:carried', personIds: ['ann'] }], context)).toBe(
      'Your hand stays up into exploring.',
    );
  });
});

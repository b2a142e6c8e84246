import { type MeetingState, createMeetingState, reduceMeeting } from '@setboard/shared';
import { describe, expect, it } from 'vitest';
import { agendaItems, currentStageLabel } from './agenda-items';
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

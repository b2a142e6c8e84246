/**
 * What a live meeting starts from: the set's roster and settings, the planned date and time, and
 * the slots the previous meeting carried over. Read once, when the facilitator opens it: later
 * changes to the set's settings do not alter a meeting already open; its roster follows the
 * set's membership (`roster:sync`, M9).
 */
import type { MeetingSetup, Participant } from '@setboard/shared';
import type { SetRecord } from '../access/records.js';

/** The set meets in the UK: planned dates and times are London wall-clock times. */
const SET_TIME_ZONE = 'Europe/London';

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: SET_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** How far London's wall clock is ahead of UTC at `at` (0 in winter, one hour in summer). */
function londonOffsetMs(at: number): number {
  const parts = wallClock.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((candidate) => candidate.type === type)?.value);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - Math.floor(at / 1000) * 1000;
}

/** The instant (epoch ms) of a London date (`YYYY-MM-DD`) and time (`HH:MM`). */
export function londonTimeToEpoch(date: string, time: string): number {
  const asIfUtc = Date.parse(`${date}T${time}:00Z`);
  return asIfUtc - londonOffsetMs(asIfUtc - londonOffsetMs(asIfUtc));
}

/** Slots a meeting left for the next one: deferred, or planned but never run. */
export interface LeftOverSlot {
  presenterId: string;
  synopsis: string;
  minutes: number;
  /** The slot it was deferred from, whose board goes with it. */
  fromSlotId: string;
}

/** The set's active members and facilitator: a meeting's roster (`roster:sync` keeps it so). */
export function activeRosterOf(set: SetRecord): Participant[] {
  return Object.entries(set.members)
    .filter(([, entry]) => entry.status === 'active')
    .map(([personId, entry]) => ({ personId, role: entry.role }));
}

/** The setup of the set's meeting at `meetingIndex`, or null when no such meeting is planned. */
export function meetingSetupOf(
  set: SetRecord,
  meetingIndex: number,
  meetingId: string,
  carriedOver: LeftOverSlot[],
): MeetingSetup | null {
  const plan = set.meetings[meetingIndex];
  if (!plan) return null;
  const roster = activeRosterOf(set);
  const onRoster = new Set(roster.map((entry) => entry.personId));
  return {
    meetingId,
    meetingNumber: meetingIndex + 1,
    startsAt: londonTimeToEpoch(plan.date, plan.startTime),
    roster,
    settings: {
      timeAllocation: set.settings.timeAllocation,
      timing: set.settings.timing,
      advicePolicy: set.settings.advicePolicy,
      facilitatorAsksContentQuestions: set.settings.facilitatorAsksContentQuestions,
      queue: set.settings.queue,
      adviceCheck: set.settings.adviceCheck,
      notesPolicy: set.settings.notesPolicy,
      quorum: set.settings.quorum,
    },
    carriedOver: carriedOver.filter((slot) => onRoster.has(slot.presenterId)),
  };
}

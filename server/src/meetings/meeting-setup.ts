/**
 * What a live meeting starts from: the set's roster and settings, the planned date and time, and
 * the slots the previous meeting carried over. Read once, when the facilitator opens it: later
 * changes to the set's settings do not alter a meeting already open; its roster follows the
 * set's membership (`roster:sync`, M9).
 */
import { londonTimeToEpoch, type MeetingSetup, type Participant } from '@setboard/shared';
import type { SetRecord } from '../access/records.js';
import { activeMembersOf } from '../access/sets.js';

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
  return activeMembersOf(set).map(([personId, entry]) => ({ personId, role: entry.role }));
}

/** The setup of the set's meeting at `meetingIndex`, or null when no such meeting is planned. */
export function meetingSetupOf(
  set: SetRecord,
  meetingIndex: number,
  meetingId: string,
  carriedOver: LeftOverSlot[],
  /** Who sent apologies before the meeting opened. */
  apologies: string[] = [],
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
    apologies: apologies.filter((personId) => onRoster.has(personId)),
  };
}

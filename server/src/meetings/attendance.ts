/**
 * Who came to each of a set's meetings, and each member's attendance rate (docs/set-year.md):
 * from the live meeting's attendance once it is opened, from the apologies kept in the set's
 * records before that. Only who came: never anything said or written.
 */
import {
  meetingIdOf,
  type AttendanceMark,
  type AttendanceReport,
  type AttendanceStatus,
} from '@setboard/shared';
import type { SetRecord } from '../access/records.js';
import type { Apologies } from './apologies.js';
import { progressOfPhase } from './meeting-progress.js';
import type { MeetingService } from './meeting-service.js';

const ATTENDED: readonly AttendanceStatus[] = ['present', 'late'];

export async function attendanceReport(
  deps: { meetings: MeetingService; apologies: Apologies },
  set: SetRecord,
  options: { withMessages: boolean },
): Promise<AttendanceReport> {
  const activeIds = Object.entries(set.members)
    .filter(([, entry]) => entry.status === 'active')
    .map(([personId]) => personId);
  const meetings = await Promise.all(
    set.meetings.map(async (plan, meetingIndex) => {
      const meetingId = meetingIdOf(set.id, meetingIndex);
      const [live, apologies] = await Promise.all([
        deps.meetings.get(meetingId),
        deps.apologies.of(meetingId),
      ]);
      const people = live ? live.state.roster.map((entry) => entry.personId) : activeIds;
      const marks: AttendanceMark[] = people.map((personId) => {
        const status: AttendanceStatus =
          live?.state.attendance[personId]?.status ??
          (apologies[personId] ? 'apologies' : 'expected');
        const message = apologies[personId]?.message;
        return {
          personId,
          status,
          ...(options.withMessages && status === 'apologies' && message
            ? { apologyMessage: message }
            : {}),
        };
      });
      const progress = progressOfPhase(live?.state.phase ?? null);
      return { meetingIndex, date: plan.date, progress, marks };
    }),
  );
  const everyone = new Set([...Object.keys(set.members)]);
  const rates = [...everyone].map((personId) => {
    const held = meetings.filter(
      (meeting) =>
        meeting.progress === 'held' && meeting.marks.some((mark) => mark.personId === personId),
    );
    const statusAt = (meeting: (typeof held)[number]) =>
      meeting.marks.find((mark) => mark.personId === personId)?.status;
    return {
      personId,
      held: held.length,
      attended: held.filter((meeting) => ATTENDED.includes(statusAt(meeting)!)).length,
      apologies: held.filter((meeting) => statusAt(meeting) === 'apologies').length,
    };
  });
  return { meetings, rates };
}

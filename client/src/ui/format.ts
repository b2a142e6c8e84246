import { type MeetingPlan, formatLongDate } from '@setboard/shared';

/** "21 September 2017, 10:00 to 16:00" (24-hour times, as NHS.UK writes them). */
export function formatMeetingWhen(meeting: Pick<MeetingPlan, 'date' | 'startTime' | 'endTime'>) {
  return `${formatLongDate(meeting.date)}, ${meeting.startTime} to ${meeting.endTime}`;
}

const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A moment (epoch milliseconds) in local time: "21 September 2017 at 14:05". */
export function formatMoment(epochMs: number): string {
  const parts = Object.fromEntries(
    DATE_TIME.formatToParts(new Date(epochMs)).map((part) => [part.type, part.value]),
  );
  return `${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute}`;
}

/** "1 member", "3 members". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

import { addMonths, format, parseISO } from 'date-fns';
import type { MeetingPlan } from '../protocol/api/sets.js';

/** HPMA's cycle: four meetings, one every three months. */
export const DEFAULT_MEETING_COUNT = 4;
export const DEFAULT_MONTHS_BETWEEN_MEETINGS = 3;

/**
 * Plans a cycle of meetings from the first one: same times and place, every few months.
 * Organisers adjust individual dates afterwards.
 */
export function planMeetings(
  first: MeetingPlan,
  count = DEFAULT_MEETING_COUNT,
  monthsApart = DEFAULT_MONTHS_BETWEEN_MEETINGS,
): MeetingPlan[] {
  const start = parseISO(first.date);
  return Array.from({ length: count }, (_, index) => ({
    ...first,
    date: format(addMonths(start, index * monthsApart), 'yyyy-MM-dd'),
  }));
}

/** The first meeting on or after `today` (YYYY-MM-DD), or null when the cycle is over. */
export function nextMeeting(meetings: MeetingPlan[], today: string): MeetingPlan | null {
  const upcoming = meetings
    .filter((meeting) => meeting.date >= today)
    .sort((a, b) => a.date.localeCompare(b.date));
  return upcoming[0] ?? null;
}

/** "21 September 2017", as NHS.UK writes dates. */
export function formatLongDate(isoDate: string): string {
  return format(parseISO(isoDate), 'd MMMM yyyy');
}

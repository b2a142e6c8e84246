import { addMonths, format, getDay, parseISO } from 'date-fns';
import type { MeetingPlan } from '../protocol/api/sets.js';
import { nearestWorkingDayOn, nextWorkingDay } from './calendar/working-days.js';

/** HPMA's cycle: four meetings, one every three months. */
export const DEFAULT_MEETING_COUNT = 4;
export const DEFAULT_MONTHS_BETWEEN_MEETINGS = 3;

/**
 * Plans a cycle of meetings from the first one: same times and place, every few months, on the
 * same day of the week as the first (the nearest one to the date a whole number of months on)
 * and always on a working day: never a weekend or an England and Wales bank holiday. HPMA's
 * first meeting on Thursday 21 September 2017 gives Thursdays 21 December, 22 March and 21 June.
 * Organisers adjust individual dates afterwards.
 */
export function planMeetings(
  first: MeetingPlan,
  count = DEFAULT_MEETING_COUNT,
  monthsApart = DEFAULT_MONTHS_BETWEEN_MEETINGS,
): MeetingPlan[] {
  const start = parseISO(first.date);
  const weekday = getDay(start);
  return Array.from({ length: count }, (_, index) => {
    if (index === 0) return { ...first };
    const target = format(addMonths(start, index * monthsApart), 'yyyy-MM-dd');
    // A first meeting at a weekend has no working weekday to keep: take the next working day.
    const date =
      weekday === 0 || weekday === 6
        ? nextWorkingDay(target)
        : nearestWorkingDayOn(target, weekday);
    return { ...first, date };
  });
}

/**
 * Dates as NHS.UK writes them, with the day of the week: "Thursday 21 September 2017".
 *
 * Built from the platform's own `Intl` rather than a date library, so that the signed-out pages
 * (an invitation lists its set's dates) load no date library at all. The parts are joined by
 * hand: engines differ on whether British English puts a comma after the weekday.
 */
const LONG_DATE = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** The long form of a calendar date given as `YYYY-MM-DD`; throws a RangeError on a bad one. */
export function formatLongDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  const parts = LONG_DATE.formatToParts(new Date(Date.UTC(year!, month! - 1, day!)));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
}

/**
 * Sets meet in the UK: planned dates and times are London wall-clock times, whatever the
 * server's or the browser's own time zone.
 */
const LONDON = 'Europe/London';

const dateParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The London calendar date (`YYYY-MM-DD`) at the instant `epochMs`. */
export function londonDateOf(epochMs: number): string {
  const parts = dateParts.formatToParts(epochMs);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
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

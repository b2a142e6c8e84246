/**
 * Working days in England and Wales: Monday to Friday, less the bank holidays. The meeting
 * planner suggests only working days; the rules for bank holidays are the standing ones
 * (one-off holidays, such as a coronation, are not known here).
 */
import { addDays, format, getDay, parseISO } from 'date-fns';

const iso = (date: Date) => format(date, 'yyyy-MM-dd');

/** Easter Sunday of `year` (the anonymous Gregorian algorithm). */
function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(year, month - 1, day);
}

/** The first Monday of a month (month 0–11). */
function firstMonday(year: number, month: number): Date {
  const first = new Date(year, month, 1);
  return addDays(first, (8 - getDay(first)) % 7);
}

/** The last Monday of a month (month 0–11). */
function lastMonday(year: number, month: number): Date {
  const last = new Date(year, month + 1, 0);
  return addDays(last, -((getDay(last) + 6) % 7));
}

/** New Year's Day, or the Monday after when it falls at a weekend. */
function newYear(year: number): Date {
  const day = new Date(year, 0, 1);
  const weekday = getDay(day);
  return weekday === 6 ? addDays(day, 2) : weekday === 0 ? addDays(day, 1) : day;
}

/** Christmas Day and Boxing Day, moved to the next weekdays when they fall at a weekend. */
function christmas(year: number): Date[] {
  const weekday = getDay(new Date(year, 11, 25));
  // Saturday: Monday and Tuesday. Sunday: Tuesday (Christmas) and Monday (Boxing Day).
  if (weekday === 6) return [new Date(year, 11, 27), new Date(year, 11, 28)];
  if (weekday === 0) return [new Date(year, 11, 26), new Date(year, 11, 27)];
  if (weekday === 5) return [new Date(year, 11, 25), new Date(year, 11, 28)];
  return [new Date(year, 11, 25), new Date(year, 11, 26)];
}

/** The bank holidays of England and Wales in `year`, as `YYYY-MM-DD`. */
export function bankHolidays(year: number): string[] {
  const easter = easterSunday(year);
  return [
    newYear(year),
    addDays(easter, -2),
    addDays(easter, 1),
    firstMonday(year, 4),
    lastMonday(year, 4),
    lastMonday(year, 7),
    ...christmas(year),
  ].map(iso);
}

/** Saturday or Sunday. */
export function isWeekend(isoDate: string): boolean {
  const weekday = getDay(parseISO(isoDate));
  return weekday === 0 || weekday === 6;
}

/** A weekday that is not a bank holiday in England and Wales. */
export function isWorkingDay(isoDate: string): boolean {
  if (isWeekend(isoDate)) return false;
  return !bankHolidays(Number(isoDate.slice(0, 4))).includes(isoDate);
}

/** `isoDate` itself when it is a working day, else the next working day after it. */
export function nextWorkingDay(isoDate: string): string {
  let date = parseISO(isoDate);
  while (!isWorkingDay(iso(date))) date = addDays(date, 1);
  return iso(date);
}

/**
 * The working day nearest `isoDate` that falls on `weekday` (0 Sunday … 6 Saturday), within
 * three days either side; when that is not a working day, the next working day after it.
 */
export function nearestWorkingDayOn(isoDate: string, weekday: number): string {
  const date = parseISO(isoDate);
  const shift = (((weekday - getDay(date)) % 7) + 7) % 7;
  const candidate = addDays(date, shift > 3 ? shift - 7 : shift);
  return nextWorkingDay(iso(candidate));
}

/** "Thursday", the day of the week of a `YYYY-MM-DD` date. */
export function weekdayOf(isoDate: string): string {
  return format(parseISO(isoDate), 'EEEE');
}

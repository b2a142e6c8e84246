/** A date as typed into an NHS.UK date input: day, month and year, each as typed. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };

/**
 * `YYYY-MM-DD` from the parts, or '' when a part is missing or not a number. Impossible dates
 * (31 February) come out as written, for the shared schema to refuse in words.
 */
export function isoFromParts({ day, month, year }: DateParts): string {
  const [d, m, y] = [day.trim(), month.trim(), year.trim()];
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return '';
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** The parts of a `YYYY-MM-DD` date, without leading zeros (as people type them). */
export function partsFromIso(iso: string): DateParts {
  const [year = '', month = '', day = ''] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/**
 * A 24-hour time as `HH:MM`, accepting what people commonly type: `9:30`, `09.30`, `0930`.
 * Anything else comes back unchanged, for the shared schema to refuse in words.
 */
export function normaliseTime(text: string): string {
  const match = /^\s*(\d{1,2})[:.]?(\d{2})\s*$/.exec(text);
  if (!match) return text.trim();
  return `${match[1]!.padStart(2, '0')}:${match[2]}`;
}

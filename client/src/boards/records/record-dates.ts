/** Dates on records: typed as day, month and year; stored as `YYYY-MM-DD`; shown in words. */
import { IsoDate, type MeetingPlan, formatLongDate } from '@setboard/shared';
import { type DateParts, isoFromParts } from '../../ui/date-parts';

export type ParsedDate = { ok: true; date: string } | { ok: false };

/** '' when nothing was typed, the date when it is a real one, otherwise not ok. */
export function parseOptionalDate(parts: DateParts): ParsedDate {
  if (![parts.day, parts.month, parts.year].some((part) => part.trim() !== '')) {
    return { ok: true, date: '' };
  }
  const iso = isoFromParts(parts);
  return IsoDate.safeParse(iso).success ? { ok: true, date: iso } : { ok: false };
}

/** "21 September 2027", or the fallback for no date. */
export function describeDate(iso: string, none = 'No date'): string {
  return IsoDate.safeParse(iso).success ? formatLongDate(iso) : none;
}

/** Today in local time as `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * When a presenter's action is due unless they say otherwise: the date of the set's meeting
 * after the one it was made in ('' after the last meeting, when there is no next one).
 */
export function defaultDueDate(meetings: readonly MeetingPlan[], meetingIndex: number): string {
  return meetings[meetingIndex + 1]?.date ?? '';
}

/**
 * The meeting a review belongs to by default: the meeting running now, else the latest meeting
 * held on or before today, else the first.
 */
export function defaultReviewMeetingNumber(
  meetings: readonly MeetingPlan[],
  today: string,
  liveMeetingNumber: number | null,
): number {
  if (liveMeetingNumber !== null) return liveMeetingNumber;
  let latest = 1;
  meetings.forEach((meeting, index) => {
    if (meeting.date <= today) latest = index + 1;
  });
  return latest;
}

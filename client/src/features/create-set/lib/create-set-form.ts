import {
  type CreateSetRequest,
  CreateSetRequest as CreateSetRequestSchema,
  IsoDate,
  type MeetingPlan,
  TimeOfDay,
  planMeetings,
} from '@setboard/shared';
import {
  type DateParts,
  EMPTY_DATE,
  isoFromParts,
  normaliseTime,
  partsFromIso,
} from '../../../ui/date-parts';
import { type FieldErrors, errorsFromZod } from '../../../ui/form-errors';
import type { SettingsDraft } from '../../../ui/set-form/settings-draft';

export type { SettingsDraft };

/** The first meeting as typed: every other meeting takes its times and place. */
export interface FirstMeetingDraft {
  date: DateParts;
  startTime: string;
  endTime: string;
  place: string;
  videoLink: string;
}

/** What the create-a-set form holds while someone types. */
export interface CreateSetDraft {
  name: string;
  purpose: string;
  first: FirstMeetingDraft;
  /** Dates of the second and later meetings, each editable. */
  laterDates: DateParts[];
  sizeMin: string;
  sizeMax: string;
  settings: SettingsDraft;
}

export const EMPTY_CREATE_SET_DRAFT: CreateSetDraft = {
  name: '',
  purpose: '',
  first: { date: EMPTY_DATE, startTime: '10:00', endTime: '13:00', place: '', videoLink: '' },
  laterDates: [EMPTY_DATE, EMPTY_DATE, EMPTY_DATE],
  sizeMin: '4',
  sizeMax: '8',
  settings: {
    timeAllocation: 'equal',
    timing: 'advisory',
    advicePolicy: 'questions_only',
    queue: 'floor',
    adviceCheck: 'flag',
    facilitatorAsksContentQuestions: 'no',
    notesPolicy: 'presenter_only',
    quorum: '4',
  },
};

/** The fields in page order, as the request's dotted paths, for the error summary. */
export function fieldOrder(draft: CreateSetDraft): string[] {
  return [
    'name',
    'purpose',
    ...['date', 'startTime', 'endTime', 'place', 'videoLink'].map((key) => `meetings.0.${key}`),
    ...draft.laterDates.map((_, index) => `meetings.${index + 1}.date`),
    'sizeLimits.min',
    'sizeLimits.max',
    ...[
      'timeAllocation',
      'timing',
      'advicePolicy',
      'queue',
      'adviceCheck',
      'facilitatorAsksContentQuestions',
    ].map((key) => `settings.${key}`),
    'settings.notesPolicy',
    'settings.quorum',
  ];
}

/**
 * A new first date plans the later meetings again (same interval from the new start); any
 * other change to the first meeting leaves the later dates as they are.
 */
export function withFirstMeeting(draft: CreateSetDraft, first: FirstMeetingDraft): CreateSetDraft {
  const date = isoFromParts(first.date);
  if (date === isoFromParts(draft.first.date) || !IsoDate.safeParse(date).success) {
    return { ...draft, first };
  }
  const plan = planMeetings(firstMeetingOf({ ...draft, first }), draft.laterDates.length + 1);
  return {
    ...draft,
    first,
    laterDates: plan.slice(1).map((meeting) => partsFromIso(meeting.date)),
  };
}

function firstMeetingOf(draft: CreateSetDraft): MeetingPlan {
  const { first } = draft;
  return {
    date: isoFromParts(first.date),
    startTime: normaliseTime(first.startTime),
    endTime: normaliseTime(first.endTime),
    place: first.place,
    videoLink: first.videoLink.trim(),
  };
}

/** The meetings the draft describes: the first, then each later date at the same times. */
export function meetingsOf(draft: CreateSetDraft): MeetingPlan[] {
  const first = firstMeetingOf(draft);
  return [first, ...draft.laterDates.map((date) => ({ ...first, date: isoFromParts(date) }))];
}

function wholeNumber(text: string): number | null {
  return /^\s*\d{1,3}\s*$/.test(text) ? Number(text) : null;
}

/**
 * Every meeting shares the first one's times and place, so an issue the server reports on a
 * later meeting's time or place belongs to the first meeting's field.
 */
export function fieldPathOf(issuePath: string): string {
  return issuePath.replace(/^meetings\.\d+\.(startTime|endTime|place|videoLink)$/, 'meetings.0.$1');
}

/** Re-homes errors onto the fields that show them (see `fieldPathOf`), first message wins. */
export function errorsOnFields(errors: FieldErrors): FieldErrors {
  const placed: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) placed[fieldPathOf(path)] ??= message;
  return placed;
}

/** The shared schema's message when a meeting ends before it starts. */
const END_AFTER_START = 'The meeting must end after it starts';

const NUMBER_MESSAGES = {
  'sizeLimits.min': 'Enter the smallest number of members as a whole number, like 4',
  'sizeLimits.max': 'Enter the largest number of members as a whole number, like 8',
  'settings.quorum': 'Enter the quorum as a whole number, like 4',
} as const;

/** Checks the draft with the server's schema and builds the request, or explains what is wrong. */
export function buildCreateSetRequest(
  draft: CreateSetDraft,
): { ok: true; request: CreateSetRequest } | { ok: false; errors: FieldErrors } {
  const numbers = {
    'sizeLimits.min': wholeNumber(draft.sizeMin),
    'sizeLimits.max': wholeNumber(draft.sizeMax),
    'settings.quorum': wholeNumber(draft.settings.quorum),
  };
  const request: CreateSetRequest = {
    name: draft.name,
    purpose: draft.purpose,
    meetings: meetingsOf(draft),
    sizeLimits: { min: numbers['sizeLimits.min'] ?? 0, max: numbers['sizeLimits.max'] ?? 0 },
    settings: {
      ...draft.settings,
      facilitatorAsksContentQuestions: draft.settings.facilitatorAsksContentQuestions === 'yes',
      quorum: numbers['settings.quorum'] ?? 0,
    },
  };
  const parsed = CreateSetRequestSchema.safeParse(request);
  const errors: Record<string, string> = parsed.success
    ? {}
    : { ...errorsOnFields(errorsFromZod(parsed.error)) };
  // "Must end after it starts" says nothing useful while either time is not a time at all.
  const badTime = [request.meetings[0]?.startTime, request.meetings[0]?.endTime].some(
    (time) => time !== undefined && !TimeOfDay.safeParse(time).success,
  );
  if (badTime && errors['meetings.0.endTime'] === END_AFTER_START) {
    delete errors['meetings.0.endTime'];
  }
  for (const [path, value] of Object.entries(numbers)) {
    if (value === null) errors[path] = NUMBER_MESSAGES[path as keyof typeof NUMBER_MESSAGES];
  }
  [draft.first.date, ...draft.laterDates].forEach((date, index) => {
    if (date.day.trim() || date.month.trim() || date.year.trim()) return;
    errors[`meetings.${index}.date`] =
      index === 0
        ? 'Enter the date of the first meeting'
        : `Enter the date of meeting ${index + 1}`;
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, request };
}

/**
 * Changing a set: its details, every meeting's date, times, place and video link, its size and
 * settings. The draft is checked with the server's schema and the shared plan rules, so the
 * page explains exactly what the server would refuse; nothing is sent until all is well.
 */
import {
  type MeetingPlan,
  type MeetingProgress,
  type SetView,
  type UpdateSetRequest,
  UpdateSetRequest as UpdateSetRequestSchema,
  planChangeIssues,
  planMeetings,
} from '@setboard/shared';
import { type DateParts, isoFromParts, normaliseTime, partsFromIso } from '../../../ui/date-parts';
import { type FieldErrors, errorsFromIssues, errorsFromZod } from '../../../ui/form-errors';
import {
  type SizeAndSettingsDraft,
  settingsDraftOf,
  wholeNumber,
} from '../../../ui/set-form/settings-draft';

export interface MeetingDraft {
  date: DateParts;
  startTime: string;
  endTime: string;
  place: string;
  videoLink: string;
}

export interface EditSetDraft extends SizeAndSettingsDraft {
  name: string;
  purpose: string;
  meetings: MeetingDraft[];
}

export const MAX_MEETINGS = 12;

export function draftOf(set: SetView): EditSetDraft {
  return {
    name: set.name,
    purpose: set.purpose,
    meetings: set.meetings.map((meeting) => ({ ...meeting, date: partsFromIso(meeting.date) })),
    sizeMin: String(set.sizeLimits.min),
    sizeMax: String(set.sizeLimits.max),
    settings: settingsDraftOf(set.settings),
  };
}

function planOf(meeting: MeetingDraft): MeetingPlan {
  return {
    date: isoFromParts(meeting.date),
    startTime: normaliseTime(meeting.startTime),
    endTime: normaliseTime(meeting.endTime),
    place: meeting.place.trim(),
    videoLink: meeting.videoLink.trim(),
  };
}

/**
 * One more meeting, planned from the last as the planner plans a cycle: three months on, on the
 * same weekday, on a working day, at the same times and place.
 */
export function withAnotherMeeting(draft: EditSetDraft): EditSetDraft {
  const last = draft.meetings.at(-1);
  const lastPlan = last ? planOf(last) : null;
  if (!last || !lastPlan || lastPlan.date === '') return draft;
  const next = planMeetings(lastPlan, 2)[1]!;
  return { ...draft, meetings: [...draft.meetings, { ...last, date: partsFromIso(next.date) }] };
}

/** The fields in page order, for the error summary. */
export function fieldOrder(draft: EditSetDraft): string[] {
  return [
    'name',
    'purpose',
    'meetings',
    ...draft.meetings.flatMap((_, index) =>
      ['date', 'startTime', 'endTime', 'place', 'videoLink'].map(
        (key) => `meetings.${index}.${key}`,
      ),
    ),
    'sizeLimits.min',
    'sizeLimits.max',
    ...Object.keys(draft.settings).map((key) => `settings.${key}`),
  ];
}

const NUMBER_MESSAGES = {
  'sizeLimits.min': 'Enter the smallest number of members as a whole number, like 4',
  'sizeLimits.max': 'Enter the largest number of members as a whole number, like 8',
  'settings.quorum': 'Enter the quorum as a whole number, like 4',
} as const;

/** Checks the draft against the set as it stands, and builds the change, or says what is wrong. */
export function buildUpdate(
  draft: EditSetDraft,
  set: Pick<SetView, 'meetings' | 'meetingProgress'>,
): { ok: true; request: UpdateSetRequest } | { ok: false; errors: FieldErrors } {
  const numbers = {
    'sizeLimits.min': wholeNumber(draft.sizeMin),
    'sizeLimits.max': wholeNumber(draft.sizeMax),
    'settings.quorum': wholeNumber(draft.settings.quorum),
  };
  const meetings = draft.meetings.map(planOf);
  const request: UpdateSetRequest = {
    name: draft.name,
    purpose: draft.purpose,
    meetings,
    sizeLimits: { min: numbers['sizeLimits.min'] ?? 0, max: numbers['sizeLimits.max'] ?? 0 },
    settings: {
      ...draft.settings,
      facilitatorAsksContentQuestions: draft.settings.facilitatorAsksContentQuestions === 'yes',
      quorum: numbers['settings.quorum'] ?? 0,
    },
  };
  const parsed = UpdateSetRequestSchema.safeParse(request);
  const errors: Record<string, string> = parsed.success ? {} : { ...errorsFromZod(parsed.error) };
  draft.meetings.forEach((meeting, index) => {
    const { day, month, year } = meeting.date;
    if (!day.trim() && !month.trim() && !year.trim()) {
      errors[`meetings.${index}.date`] = `Enter the date of meeting ${index + 1}`;
    } else if (meetings[index]!.date === '') {
      errors[`meetings.${index}.date`] = `Meeting ${index + 1}’s date must be a real date`;
    }
  });
  for (const [path, value] of Object.entries(numbers)) {
    if (value === null) errors[path] = NUMBER_MESSAGES[path as keyof typeof NUMBER_MESSAGES];
  }
  const progress: readonly MeetingProgress[] = set.meetingProgress;
  const planIssues = errorsFromIssues(planChangeIssues(set.meetings, meetings, progress));
  for (const [path, message] of Object.entries(planIssues)) errors[path] ??= message;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, request };
}

/**
 * Objectives as typed into their forms, the `ObjectiveRecord` built from them, and their
 * reviews: one per meeting, the latest kept for each, earlier meetings kept as history.
 */
import { type ObjectiveRecord, type ObjectiveReview, type ObjectiveStatus } from '@setboard/shared';
import { type DateParts, EMPTY_DATE, partsFromIso } from '../../ui/date-parts';
import { type BuildResult, ErrorList } from './form-result';
import { parseOptionalDate } from './record-dates';

export interface ObjectiveDraft {
  statement: string;
  measure: string;
  baseline: string;
  target: string;
  targetDate: DateParts;
  status: ObjectiveStatus;
}

export const OBJECTIVE_FIELDS = [
  'statement',
  'measure',
  'baseline',
  'target',
  'targetDate',
  'status',
] as const;

export const NEW_OBJECTIVE_DRAFT: ObjectiveDraft = {
  statement: '',
  measure: '',
  baseline: '',
  target: '',
  targetDate: EMPTY_DATE,
  status: 'draft',
};

export function draftFromObjective(objective: ObjectiveRecord): ObjectiveDraft {
  return {
    statement: objective.statement,
    measure: objective.measure,
    baseline: objective.baseline,
    target: objective.target,
    targetDate: objective.targetDate ? partsFromIso(objective.targetDate) : EMPTY_DATE,
    status: objective.status,
  };
}

/** Checks the draft and builds the record, keeping the saved one's reviews and creation time. */
export function buildObjective(
  draft: ObjectiveDraft,
  previous: ObjectiveRecord | null,
  now: number,
): BuildResult<ObjectiveRecord> {
  const errors = new ErrorList();
  const statement = draft.statement.trim();
  if (statement === '') errors.add('statement', 'Enter the objective');
  errors.tooLong('statement', statement, 500, 'The objective');
  errors.tooLong('measure', draft.measure.trim(), 500, 'The measure or evidence');
  errors.tooLong('baseline', draft.baseline.trim(), 500, 'The baseline');
  errors.tooLong('target', draft.target.trim(), 500, 'The target');
  const targetDate = parseOptionalDate(draft.targetDate);
  if (!targetDate.ok)
    errors.add('targetDate', 'The target date must be a real date, like 21 9 2028');
  return errors.result(() => ({
    statement,
    measure: draft.measure.trim(),
    baseline: draft.baseline.trim(),
    target: draft.target.trim(),
    targetDate: targetDate.ok ? targetDate.date : '',
    status: draft.status,
    createdAt: previous?.createdAt ?? now,
    reviews: previous?.reviews ?? {},
  }));
}

export interface ReviewDraft {
  /** The meeting's number, as chosen (1 for the first meeting). */
  meetingNumber: string;
  /** '1' to '5', or '' before a choice. */
  rating: string;
  note: string;
  status: ObjectiveStatus;
}

export const REVIEW_FIELDS = ['meetingNumber', 'rating', 'status', 'note'] as const;

export function newReviewDraft(objective: ObjectiveRecord, meetingNumber: number): ReviewDraft {
  const existing = objective.reviews[String(meetingNumber)];
  return {
    meetingNumber: String(meetingNumber),
    rating: existing ? String(existing.rating) : '',
    note: existing?.note ?? '',
    status: existing?.status ?? objective.status,
  };
}

/** The reviews of an objective, from its first meeting to its latest. */
export function reviewHistory(objective: ObjectiveRecord): ObjectiveReview[] {
  return Object.values(objective.reviews).sort((a, b) => a.meetingNumber - b.meetingNumber);
}

/**
 * The objective with the review added: it replaces any earlier review at the same meeting and
 * leaves other meetings' reviews alone. The objective takes the review's status.
 */
export function withReview(
  objective: ObjectiveRecord,
  draft: ReviewDraft,
  reviewer: string,
  meetingCount: number,
  now: number,
): BuildResult<Pick<ObjectiveRecord, 'reviews' | 'status'>> {
  const errors = new ErrorList();
  const meetingNumber = Number(draft.meetingNumber);
  if (!Number.isInteger(meetingNumber) || meetingNumber < 1 || meetingNumber > meetingCount) {
    errors.add('meetingNumber', 'Choose the meeting this review is for');
  }
  const rating = Number(draft.rating);
  if (draft.rating === '' || !Number.isInteger(rating) || rating < 1 || rating > 5) {
    errors.add('rating', 'Choose a rating from 1 to 5');
  }
  const note = draft.note.trim();
  errors.tooLong('note', note, 2000, 'The note');
  return errors.result(() => {
    const review: ObjectiveReview = {
      meetingNumber,
      rating,
      note,
      status: draft.status,
      reviewedAt: now,
      reviewedBy: reviewer,
    };
    return {
      reviews: { ...objective.reviews, [String(meetingNumber)]: review },
      status: draft.status,
    };
  });
}

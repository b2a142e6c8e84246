import { ObjectiveRecord } from '@setboard/shared';
import { describe, expect, it } from 'vitest';
import {
  NEW_OBJECTIVE_DRAFT,
  buildObjective,
  draftFromObjective,
  newReviewDraft,
  reviewHistory,
  withReview,
} from './objective-form';

const NOW = Date.UTC(2027, 8, 21, 11, 0);

function objective(overrides: Partial<ObjectiveRecord> = {}): ObjectiveRecord {
  return {
    statement: 'Cut time to hire',
    measure: 'Days from advert to offer',
    baseline: '62 days',
    target: '45 days',
    targetDate: '2028-06-21',
    status: 'agreed',
    createdAt: NOW - 5000,
    reviews: {},
    ...overrides,
  };
}

describe('an objective', () => {
  it('builds a record the shared schema accepts, with no reviews yet', () => {
    const draft = { ...NEW_OBJECTIVE_DRAFT, statement: ' Cut time to hire ' };
    const built = buildObjective(draft, null, NOW);
    expect(built.ok && built.record).toEqual({
      statement: 'Cut time to hire',
      measure: '',
      baseline: '',
      target: '',
      targetDate: '',
      status: 'draft',
      createdAt: NOW,
      reviews: {},
    });
    if (built.ok) expect(ObjectiveRecord.safeParse(built.record).success).toBe(true);
  });

  it('refuses an impossible target date and a missing statement', () => {
    const draft = { ...NEW_OBJECTIVE_DRAFT, targetDate: { day: '30', month: '2', year: '2028' } };
    expect(buildObjective(draft, null, NOW)).toEqual({
      ok: false,
      errors: {
        statement: 'Enter the objective',
        targetDate: 'The target date must be a real date, like 21 9 2028',
      },
    });
  });

  it('keeps its reviews and creation time when changed', () => {
    const saved = withReview(objective(), newDraft(1, '3'), 'p1', 4, NOW);
    if (!saved.ok) throw new Error('review refused');
    const withReviews = objective({ ...saved.record });
    const built = buildObjective(
      { ...draftFromObjective(withReviews), target: '40 days' },
      withReviews,
      NOW + 1,
    );
    expect(built.ok && built.record.reviews).toEqual(withReviews.reviews);
    expect(built.ok && built.record.createdAt).toBe(withReviews.createdAt);
  });
});

function newDraft(meetingNumber: number, rating: string, note = '') {
  return { ...newReviewDraft(objective(), meetingNumber), rating, note };
}

describe('reviews', () => {
  it('keep one per meeting: a second review at a meeting replaces the first', () => {
    let record = objective();
    for (const [meeting, rating, note] of [
      [1, '2', 'First go'],
      [1, '3', 'Second thoughts'],
    ] as const) {
      const result = withReview(record, newDraft(meeting, rating, note), 'p1', 4, NOW);
      if (!result.ok) throw new Error('review refused');
      record = { ...record, ...result.record };
    }
    expect(reviewHistory(record).map((review) => [review.meetingNumber, review.note])).toEqual([
      [1, 'Second thoughts'],
    ]);
  });

  it('keep earlier meetings as history, in meeting order', () => {
    let record = objective();
    for (const meeting of [3, 1, 2]) {
      const draft = { ...newDraft(meeting, String(meeting)), status: 'on_track' as const };
      const result = withReview(record, draft, 'p1', 4, NOW + meeting);
      if (!result.ok) throw new Error('review refused');
      record = { ...record, ...result.record };
    }
    expect(reviewHistory(record).map((review) => review.meetingNumber)).toEqual([1, 2, 3]);
    expect(record.status).toBe('on_track');
    expect(ObjectiveRecord.safeParse(record).success).toBe(true);
  });

  it('start from what was said at that meeting, if anything', () => {
    const result = withReview(objective(), newDraft(2, '4', 'Good progress'), 'p1', 4, NOW);
    if (!result.ok) throw new Error('review refused');
    const record = objective(result.record);
    expect(newReviewDraft(record, 2)).toEqual({
      meetingNumber: '2',
      rating: '4',
      note: 'Good progress',
      status: 'agreed',
    });
    expect(newReviewDraft(record, 3).rating).toBe('');
  });

  it('need a rating and a meeting the set plans', () => {
    expect(withReview(objective(), newDraft(5, ''), 'p1', 4, NOW)).toEqual({
      ok: false,
      errors: {
        meetingNumber: 'Choose the meeting this review is for',
        rating: 'Choose a rating from 1 to 5',
      },
    });
  });
});

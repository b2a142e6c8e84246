/** Where an objective's review ratings sit on a small line chart: one point per meeting. */
import type { ObjectiveRecord } from '@setboard/shared';

export const CHART = { width: 320, height: 140, left: 28, right: 12, top: 12, bottom: 28 } as const;
export const MAX_RATING = 5;

export interface ChartPoint {
  meetingNumber: number;
  rating: number;
  x: number;
  y: number;
}

/** The reviews in meeting order. */
export function reviewsInOrder(objective: ObjectiveRecord) {
  return Object.values(objective.reviews).sort((a, b) => a.meetingNumber - b.meetingNumber);
}

/** The chart's points for meetings 1 … `meetingCount` (at least the highest reviewed). */
export function chartPoints(objective: ObjectiveRecord, meetingCount: number): ChartPoint[] {
  const reviews = reviewsInOrder(objective);
  const last = Math.max(meetingCount, ...reviews.map((review) => review.meetingNumber), 1);
  const innerWidth = CHART.width - CHART.left - CHART.right;
  const innerHeight = CHART.height - CHART.top - CHART.bottom;
  const xOf = (meeting: number) =>
    CHART.left + (last === 1 ? innerWidth / 2 : ((meeting - 1) / (last - 1)) * innerWidth);
  const yOf = (rating: number) =>
    CHART.top + ((MAX_RATING - rating) / (MAX_RATING - 1)) * innerHeight;
  return reviews.map((review) => ({
    meetingNumber: review.meetingNumber,
    rating: review.rating,
    x: Math.round(xOf(review.meetingNumber)),
    y: Math.round(yOf(review.rating)),
  }));
}

/** The x of each meeting's tick, for the axis labels. */
export function meetingTicks(objective: ObjectiveRecord, meetingCount: number) {
  const reviews = reviewsInOrder(objective);
  const last = Math.max(meetingCount, ...reviews.map((review) => review.meetingNumber), 1);
  const innerWidth = CHART.width - CHART.left - CHART.right;
  return Array.from({ length: last }, (_, index) => ({
    meetingNumber: index + 1,
    x: Math.round(CHART.left + (last === 1 ? innerWidth / 2 : (index / (last - 1)) * innerWidth)),
  }));
}

/** One sentence for screen readers: "Rated 2 at meeting 1, 3 at meeting 2 and 4 at meeting 3." */
export function describeRatings(objective: ObjectiveRecord): string {
  const reviews = reviewsInOrder(objective);
  if (reviews.length === 0) return 'Not reviewed yet.';
  const parts = reviews.map((review) => `${review.rating} at meeting ${review.meetingNumber}`);
  const listed =
    parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return `Rated ${listed}, out of ${MAX_RATING}.`;
}

import type { ObjectiveRecord } from '@setboard/shared';
import { useId } from 'react';
import {
  CHART,
  MAX_RATING,
  chartPoints,
  describeRatings,
  meetingTicks,
  reviewsInOrder,
} from './objective-chart';

/**
 * An objective's review ratings across meetings: a small line chart (an image with a one-line
 * description) and, for anyone who prefers it, the same figures as a table.
 */
export function ObjectiveChart({
  objective,
  meetingCount,
}: {
  objective: ObjectiveRecord;
  meetingCount: number;
}) {
  const id = useId();
  const reviews = reviewsInOrder(objective);
  if (reviews.length === 0) {
    return <p className="nhsuk-body-s app-secondary-line">No reviews yet to chart.</p>;
  }
  const points = chartPoints(objective, meetingCount);
  const description = describeRatings(objective);
  return (
    <figure className="app-objective-chart" data-testid="objective-chart">
      <svg
        role="img"
        aria-labelledby={`${id}-title`}
        viewBox={`0 0 ${CHART.width} ${CHART.height}`}
        className="app-objective-chart__svg"
      >
        <title id={`${id}-title`}>{`Review ratings by meeting. ${description}`}</title>
        {Array.from({ length: MAX_RATING }, (_, index) => {
          const rating = index + 1;
          const y =
            CHART.top +
            ((MAX_RATING - rating) / (MAX_RATING - 1)) * (CHART.height - CHART.top - CHART.bottom);
          return (
            <g key={rating}>
              <line
                x1={CHART.left}
                x2={CHART.width - CHART.right}
                y1={y}
                y2={y}
                stroke="#d8dde0"
                strokeWidth="1"
              />
              <text x={CHART.left - 8} y={y + 4} textAnchor="end" fontSize="11" fill="#4c6272">
                {rating}
              </text>
            </g>
          );
        })}
        {meetingTicks(objective, meetingCount).map((tick) => (
          <text
            key={tick.meetingNumber}
            x={tick.x}
            y={CHART.height - 8}
            textAnchor="middle"
            fontSize="11"
            fill="#4c6272"
          >
            {`M${tick.meetingNumber}`}
          </text>
        ))}
        <polyline
          points={points.map((point) => `${point.x},${point.y}`).join(' ')}
          fill="none"
          stroke="#005eb8"
          strokeWidth="2"
        />
        {points.map((point) => (
          <circle key={point.meetingNumber} cx={point.x} cy={point.y} r="4" fill="#005eb8" />
        ))}
      </svg>
      <figcaption className="nhsuk-body-s">{description}</figcaption>
      <details className="nhsuk-details app-objective-chart__table">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">Ratings as a table</span>
        </summary>
        <div className="nhsuk-details__text">
          <table className="nhsuk-table">
            <caption className="nhsuk-u-visually-hidden">Review rating at each meeting</caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Meeting</th>
                <th scope="col">Rating (1 to {MAX_RATING})</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {reviews.map((review) => (
                <tr key={review.meetingNumber}>
                  <td>Meeting {review.meetingNumber}</td>
                  <td>{review.rating}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

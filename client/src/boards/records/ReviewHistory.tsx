import type { ObjectiveRecord } from '@setboard/shared';
import { Tag } from '../../ui/Tag';
import { reviewHistory } from './objective-form';
import { OBJECTIVE_STATUS_LABELS } from './status-labels';

interface ReviewHistoryProps {
  objective: ObjectiveRecord;
  nameOf: (personId: string) => string;
}

/** Every meeting's review of an objective, first meeting first: how it changed over time. */
export function ReviewHistory({ objective, nameOf }: ReviewHistoryProps) {
  const reviews = reviewHistory(objective);
  if (reviews.length === 0) {
    return <p className="nhsuk-body app-secondary-line">Not reviewed yet.</p>;
  }
  return (
    <div className="app-table-scroll">
      <table className="nhsuk-table" data-testid="review-history">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">Reviews</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">
              Meeting
            </th>
            <th scope="col" className="nhsuk-table__header">
              Progress
            </th>
            <th scope="col" className="nhsuk-table__header">
              Status
            </th>
            <th scope="col" className="nhsuk-table__header">
              Note
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {reviews.map((review) => (
            <tr className="nhsuk-table__row" key={review.meetingNumber}>
              <th scope="row" className="nhsuk-table__header">
                Meeting {review.meetingNumber}
              </th>
              <td className="nhsuk-table__cell">{review.rating} out of 5</td>
              <td className="nhsuk-table__cell">
                <Tag {...OBJECTIVE_STATUS_LABELS[review.status]} />
              </td>
              <td className="nhsuk-table__cell app-preserve-lines">
                {review.note}
                <span className="app-secondary-line">By {nameOf(review.reviewedBy)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

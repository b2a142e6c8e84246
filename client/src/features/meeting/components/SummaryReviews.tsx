import { ObjectiveRecord, type SetView } from '@setboard/shared';
import type * as Y from 'yjs';
import { useBoardDoc } from '../../../boards/realtime/use-board-doc';
import { OBJECTIVE_STATUS_LABELS } from '../../../boards/records/status-labels';
import { useRecords } from '../../../boards/records/use-records';
import { setDocName } from '../../../boards/surfaces/set/lib/set-board-api';

/** The set's objectives reviewed at this meeting (shared objectives only: never anyone's own). */
export function SummaryReviews({ set, meetingNumber }: { set: SetView; meetingNumber: number }) {
  const board = useBoardDoc(setDocName(set.id));
  return (
    <>
      <h3 className="nhsuk-heading-m">Objective reviews</h3>
      {board.doc ? (
        <Reviews doc={board.doc} meetingNumber={meetingNumber} />
      ) : (
        <p className="nhsuk-body">Loading the reviews…</p>
      )}
    </>
  );
}

function Reviews({ doc, meetingNumber }: { doc: Y.Doc; meetingNumber: number }) {
  const objectives = useRecords(doc, 'setObjectives', ObjectiveRecord);
  const reviewed = objectives.flatMap(({ id, record }) => {
    const review = record.reviews[String(meetingNumber)];
    return review ? [{ id, statement: record.statement, review }] : [];
  });
  if (reviewed.length === 0) {
    return (
      <p className="nhsuk-body" data-testid="summary-no-reviews">
        No set objective was reviewed at this meeting.
      </p>
    );
  }
  return (
    <ul className="nhsuk-list" data-testid="summary-reviews">
      {reviewed.map(({ id, statement, review }) => (
        <li key={id}>
          <strong>{statement}</strong>: {review.rating} out of 5,{' '}
          {OBJECTIVE_STATUS_LABELS[review.status].label.toLowerCase()}
          {review.note && `. ${review.note}`}
        </li>
      ))}
    </ul>
  );
}

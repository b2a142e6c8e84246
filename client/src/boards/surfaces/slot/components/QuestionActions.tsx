import type { QuestionRecord } from '@setboard/shared';
import type { questionPermissions } from '../lib/questions';

const SMALL_SECONDARY = 'nhsuk-button nhsuk-button--secondary nhsuk-button--small';

interface QuestionActionsProps {
  record: QuestionRecord;
  author: string;
  may: ReturnType<typeof questionPermissions>;
  busy: boolean;
  onEdit: () => void;
  onWithdraw: () => void;
  onToggleHelped: () => void;
  onDelete: () => void;
}

/** What this person may do to a question now, as buttons (none when they may do nothing). */
export function QuestionActions(props: QuestionActionsProps) {
  const { record, author, may, busy } = props;
  if (!(may.edit || may.withdraw || may.markHelped || may.delete)) return null;
  return (
    <div className="app-row-actions">
      {may.edit && (
        <button type="button" className={SMALL_SECONDARY} onClick={props.onEdit}>
          Change<span className="nhsuk-u-visually-hidden"> your question</span>
        </button>
      )}
      {may.withdraw && (
        <button type="button" className={SMALL_SECONDARY} onClick={props.onWithdraw}>
          Withdraw<span className="nhsuk-u-visually-hidden"> your question</span>
        </button>
      )}
      {may.markHelped && !record.withdrawn && (
        <button
          type="button"
          className={SMALL_SECONDARY}
          disabled={busy}
          onClick={props.onToggleHelped}
        >
          {record.helped ? 'Take off the helped mark' : 'Mark as helped'}
          <span className="nhsuk-u-visually-hidden"> (question from {author})</span>
        </button>
      )}
      {may.delete && (
        <button type="button" className={SMALL_SECONDARY} onClick={props.onDelete}>
          Delete<span className="nhsuk-u-visually-hidden"> the question from {author}</span>
        </button>
      )}
    </div>
  );
}

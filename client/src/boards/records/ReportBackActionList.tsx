import type { PresenterActions } from '@setboard/shared';
import { Tag } from '../../ui/Tag';
import { describeDate } from './record-dates';
import { ACTION_STATUS_LABELS } from './status-labels';

interface ReportBackActionListProps {
  actions: PresenterActions['actions'];
  /** "Your actions" or "Pat’s actions". */
  whose: string;
  /** Meeting number the actions came from (1 for the first). */
  fromMeetingNumber: number;
  /** An id for the heading, unique on the page. */
  headingId: string;
}

/**
 * A presenter's actions from the meeting before, with their status now: what they report back
 * on at the check-in. Used on report-back cards (meeting board, room) and on the set page.
 */
export function ReportBackActionList({
  actions,
  whose,
  fromMeetingNumber,
  headingId,
}: ReportBackActionListProps) {
  return (
    <div className="app-report-back-actions" data-testid="report-back-actions">
      <h3 className="nhsuk-heading-xs" id={headingId}>
        {whose} from meeting {fromMeetingNumber}
      </h3>
      {actions.length === 0 ? (
        <p className="nhsuk-body-s">No actions from meeting {fromMeetingNumber}.</p>
      ) : (
        <ul className="nhsuk-list" aria-labelledby={headingId}>
          {actions.map(({ actionId, action }) => {
            const latest = action.progress.at(-1);
            return (
              <li key={actionId} data-testid="report-back-action">
                <Tag {...ACTION_STATUS_LABELS[action.status]} />{' '}
                <span className="app-report-back-actions__what">{action.what}</span>
                <span className="app-secondary-line">
                  Due {describeDate(action.due)}
                  {latest?.note ? `. Latest note: ${latest.note}` : ''}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

import type { SetView } from '@setboard/shared';
import { ReportBackActionList } from '../../../boards/records/ReportBackActionList';
import { useMeetingActions } from '../../../boards/records/use-report-back-actions';
import { setNameOf } from '../../../ui/set-names';

/** The last meeting held: its index, or null before the first. */
function lastHeld(set: SetView): number | null {
  const index = set.meetingProgress.lastIndexOf('held');
  return index === -1 ? null : index;
}

/**
 * Each presenter's actions from the last meeting held, with their status now: what the set
 * will hear about at the next check-in.
 */
export function LastMeetingActions({ set }: { set: SetView }) {
  const from = lastHeld(set);
  const data = useMeetingActions(set.id, from);
  if (from === null) return null;
  const nameOf = setNameOf(set);
  return (
    <section aria-labelledby="last-actions-heading" data-testid="last-meeting-actions">
      <h2 className="nhsuk-heading-m" id="last-actions-heading">
        Actions from meeting {from + 1}
      </h2>
      {data.problem && <p className="nhsuk-error-message">{data.problem}</p>}
      {!data.loading && data.presenters.length === 0 && (
        <p className="nhsuk-body">No presenter recorded actions at meeting {from + 1}.</p>
      )}
      {data.presenters.map((presenter) => (
        <ReportBackActionList
          key={presenter.slotId}
          actions={presenter.actions}
          whose={`${nameOf(presenter.personId)}’s actions`}
          fromMeetingNumber={from + 1}
          headingId={`last-actions-${presenter.slotId}`}
        />
      ))}
    </section>
  );
}

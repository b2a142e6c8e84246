import type { MeetingState } from '@setboard/shared';
import { ReportBackActionList } from '../../../boards/records/ReportBackActionList';
import { useReportBackActions } from '../../../boards/records/use-report-back-actions';

interface CheckInActionsProps {
  setId: string;
  meetingIndex: number;
  state: MeetingState;
  selfId: string;
  nameOf: (personId: string) => string;
}

/**
 * At the check-in: the report-back card of whoever is speaking — the actions they took away
 * from the meeting before, with their status now.
 */
export function CheckInActions({
  setId,
  meetingIndex,
  state,
  selfId,
  nameOf,
}: CheckInActionsProps) {
  const reportBacks = useReportBackActions(setId, meetingIndex);
  const speaking = state.round ? state.round.order[state.round.index] : undefined;
  if (state.phase !== 'check_in' || !speaking || reportBacks.fromMeetingIndex === null) return null;
  return (
    <section
      aria-labelledby="check-in-card-heading"
      className="nhsuk-card"
      data-testid="check-in-card"
    >
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-heading-m" id="check-in-card-heading">
          {speaking === selfId ? 'Your report-back' : `${nameOf(speaking)} reports back`}
        </h2>
        <ReportBackActionList
          actions={reportBacks.of(speaking)}
          whose={speaking === selfId ? 'Your actions' : `${nameOf(speaking)}’s actions`}
          fromMeetingNumber={reportBacks.fromMeetingIndex + 1}
          headingId="check-in-actions-heading"
        />
      </div>
    </section>
  );
}

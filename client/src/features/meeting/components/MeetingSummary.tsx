import { type MeetingState, type SetView, formatLongDate } from '@setboard/shared';
import { useMeetingActions } from '../../../boards/records/use-report-back-actions';
import { ATTENDANCE_LABELS } from '../../../live-meeting/meeting-labels';
import type { LiveMeeting } from '../../../live-meeting/use-meeting';
import { AirtimeChart } from './AirtimeChart';
import { PulseSummary } from './Pulse';
import { SummaryReviews } from './SummaryReviews';
import { londonClock } from '../lib/agenda-items';

interface MeetingSummaryProps {
  meeting: LiveMeeting;
  set: SetView;
  setId: string;
  meetingIndex: number;
  nameOf: (personId: string) => string;
}

/** "Present", "Joined late, left at 11:20 and came back at 11:35". */
function attendanceLine(state: MeetingState, personId: string): string {
  const entry = state.attendance[personId];
  if (!entry) return ATTENDANCE_LABELS.expected;
  const gaps = entry.gaps.map((gap) =>
    gap.backAt === null
      ? `left at ${londonClock(gap.leftAt)}`
      : `left at ${londonClock(gap.leftAt)} and came back at ${londonClock(gap.backAt)}`,
  );
  return [ATTENDANCE_LABELS[entry.status], ...gaps].join(', ');
}

/**
 * What a closed meeting leaves its members: who came, each presenter's issue in a line, the
 * actions committed (owner and due date), the set objectives reviewed, how many questions were
 * asked, the pulse, and the airtime.
 */
export function MeetingSummary({ meeting, set, setId, meetingIndex, nameOf }: MeetingSummaryProps) {
  const { state } = meeting;
  const actions = useMeetingActions(setId, meetingIndex);
  const presented = state.slots.filter((slot) => slot.status === 'complete');
  const deferred = state.slots.filter((slot) => slot.status === 'deferred');
  const committed = actions.presenters.flatMap((presenter) =>
    presenter.actions.map((entry) => ({ ownerId: presenter.personId, ...entry })),
  );
  return (
    <section aria-labelledby="summary-heading" data-testid="meeting-summary">
      <h2 className="nhsuk-heading-l" id="summary-heading">
        Meeting summary
      </h2>
      <p className="nhsuk-body">
        This meeting has closed
        {state.closedAt !== null ? ` at ${londonClock(state.closedAt)}` : ''}. Nothing here can be
        changed in the room; actions are kept up to date on the slot boards and in My actions.
      </p>
      {state.belowQuorumStart && (
        <p className="nhsuk-body" data-testid="summary-below-quorum">
          Started without a quorum ({state.belowQuorumStart.present} of{' '}
          {state.belowQuorumStart.quorum}): {state.belowQuorumStart.reason}
        </p>
      )}

      <h3 className="nhsuk-heading-m">Attendance</h3>
      <ul className="nhsuk-list" data-testid="summary-attendance">
        {state.roster.map((entry) => (
          <li key={entry.personId}>
            <strong>{nameOf(entry.personId)}</strong>: {attendanceLine(state, entry.personId)}
          </li>
        ))}
      </ul>

      <h3 className="nhsuk-heading-m">Presenters</h3>
      {presented.length === 0 ? (
        <p className="nhsuk-body">Nobody presented at this meeting.</p>
      ) : (
        <ul className="nhsuk-list" data-testid="summary-presenters">
          {presented.map((slot) => (
            <li key={slot.id}>
              <strong>{nameOf(slot.presenterId)}</strong>:{' '}
              {slot.synopsis || 'no one-line summary of the issue was given.'}
            </li>
          ))}
        </ul>
      )}
      {deferred.length > 0 && (
        <p className="nhsuk-body">
          Carried over to the next meeting:{' '}
          {deferred.map((slot) => nameOf(slot.presenterId)).join(', ')}.
        </p>
      )}

      <h3 className="nhsuk-heading-m">Actions committed</h3>
      {committed.length === 0 ? (
        <p className="nhsuk-body" data-testid="summary-no-actions">
          {actions.loading ? 'Loading the actions…' : 'No actions were written down.'}
        </p>
      ) : (
        <table className="nhsuk-table" data-testid="summary-actions">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
            Actions committed, with their owners and due dates
          </caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Owner</th>
              <th scope="col">Due</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {committed.map((entry) => (
              <tr key={`${entry.ownerId}-${entry.actionId}`} data-testid="summary-action">
                <td>{entry.action.what}</td>
                <td>{nameOf(entry.ownerId)}</td>
                <td>{entry.action.due ? formatLongDate(entry.action.due) : 'No date'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <SummaryReviews set={set} meetingNumber={state.meetingNumber} />

      <h3 className="nhsuk-heading-m">Questions</h3>
      <p className="nhsuk-body" data-testid="summary-questions">
        {state.questionsAsked === 1
          ? '1 question was put to the presenters.'
          : `${state.questionsAsked} questions were put to the presenters.`}
      </p>
      <PulseSummary setId={setId} meetingIndex={meetingIndex} />
      <AirtimeChart meeting={meeting} nameOf={nameOf} />
    </section>
  );
}

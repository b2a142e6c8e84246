import { type AttendanceStatus, type SetView, formatLongDate } from '@setboard/shared';
import { useApiGet } from '../../../api/use-api-get';
import { Cell, ResponsiveTable, Row, RowHeader } from '../../../ui/Table';
import { AttendanceReply, attendancePath } from '../api/year-api';
import { setNameOf } from '../../../ui/set-names';

const PERCENT = new Intl.NumberFormat('en-GB', { style: 'percent' });

/** A meeting not yet held shows who is expected; a held one, who came. */
const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = {
  expected: 'Expected',
  present: 'Present',
  late: 'Came late',
  apologies: 'Apologies',
  absent: 'Absent',
};

/**
 * Who came to each meeting, apologies, and each member's attendance rate: for the organiser
 * and the facilitator. Never anything said or written in the set. Apology messages are the
 * facilitator's alone (the server leaves them out for organisers).
 */
export function AttendanceRecord({ set }: { set: SetView }) {
  const { result } = useApiGet(attendancePath(set.id), AttendanceReply);
  if (result.state !== 'ready') return null;
  const report = result.data;
  const nameOf = setNameOf(set, 'Someone');
  const headings = [
    'Member',
    ...report.meetings.map((meeting) => `Meeting ${meeting.meetingIndex + 1}`),
    'Attendance',
  ];
  const statusAt = (meetingIndex: number, personId: string): AttendanceStatus | null =>
    report.meetings[meetingIndex]?.marks.find((mark) => mark.personId === personId)?.status ?? null;
  const messages = report.meetings.flatMap((meeting) =>
    meeting.marks.filter((mark) => mark.apologyMessage).map((mark) => ({ meeting, mark })),
  );
  return (
    <section aria-labelledby="attendance-record-heading" data-testid="attendance-record">
      <h2 className="nhsuk-heading-m" id="attendance-record-heading">
        Attendance
      </h2>
      <p className="nhsuk-body">
        Who came to each meeting, and who sent apologies. Nothing said or written in the set is
        shown here.
      </p>
      <ResponsiveTable
        caption="Attendance at each meeting"
        hideCaption
        headings={headings}
        testId="attendance-table"
      >
        {report.rates.map((rate) => (
          <Row key={rate.personId}>
            <RowHeader heading="Member">{nameOf(rate.personId)}</RowHeader>
            {report.meetings.map((meeting) => {
              const status = statusAt(meeting.meetingIndex, rate.personId);
              return (
                <Cell key={meeting.meetingIndex} heading={`Meeting ${meeting.meetingIndex + 1}`}>
                  {status ? ATTENDANCE_LABELS[status] : 'Not in the set then'}
                </Cell>
              );
            })}
            <Cell heading="Attendance">
              {rate.held === 0
                ? 'No meetings held yet'
                : `${rate.attended} of ${rate.held} (${PERCENT.format(rate.attended / rate.held)})`}
            </Cell>
          </Row>
        ))}
      </ResponsiveTable>
      {messages.length > 0 && (
        <>
          <h3 className="nhsuk-heading-s">Messages with apologies</h3>
          <ul className="nhsuk-list" data-testid="apology-messages">
            {messages.map(({ meeting, mark }) => (
              <li key={`${meeting.meetingIndex}-${mark.personId}`}>
                {nameOf(mark.personId)}, meeting {meeting.meetingIndex + 1} (
                {formatLongDate(meeting.date)}): {mark.apologyMessage}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

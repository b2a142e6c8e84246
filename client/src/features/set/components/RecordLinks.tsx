import type { SetView } from '@setboard/shared';

/**
 * Downloads of the record (docs/privacy.md): a held meeting's record for the set's members, and
 * the content-free cycle report for whoever runs the set.
 */
export function MeetingRecordLinks({
  setId,
  meetingIndex,
}: {
  setId: string;
  meetingIndex: number;
}) {
  const base = `/api/sets/${setId}/meetings/${meetingIndex}/record`;
  return (
    <li data-testid={`meeting-record-${meetingIndex}`}>
      Meeting {meetingIndex + 1} record:{' '}
      <a href={`${base}.docx`} download>
        Word document
      </a>{' '}
      or{' '}
      <a href={`${base}.html`} target="_blank" rel="noreferrer">
        page to print (opens in a new tab)
      </a>
    </li>
  );
}

export function CycleReportLinks({ set }: { set: SetView }) {
  const base = `/api/sets/${set.id}/cycle-report`;
  return (
    <section aria-labelledby="cycle-report-heading" data-testid="cycle-report">
      <h2 className="nhsuk-heading-m" id="cycle-report-heading">
        Cycle report
      </h2>
      <p className="nhsuk-body">
        Meetings held, attendance, presenters, actions and objectives, as numbers only: nothing
        anyone wrote.
      </p>
      <ul className="nhsuk-list">
        <li>
          <a href={`${base}.docx`} download>
            Download the cycle report (Word document)
          </a>
        </li>
        <li>
          <a href={`${base}.csv`} download>
            Download the cycle report (CSV for spreadsheets)
          </a>
        </li>
      </ul>
    </section>
  );
}

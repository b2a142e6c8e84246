import type { MeetingPlan } from '@setboard/shared';
import { formatMeetingWhen } from './format';

/** The set's planned meetings as an NHS.UK summary list: when, and where or how to join. */
export function MeetingsSummary({ meetings }: { meetings: readonly MeetingPlan[] }) {
  if (meetings.length === 0) return <p className="nhsuk-body">No meetings are planned yet.</p>;
  return (
    <dl className="nhsuk-summary-list" data-testid="meetings">
      {meetings.map((meeting, index) => (
        <div className="nhsuk-summary-list__row" key={`${meeting.date}-${index}`}>
          <dt className="nhsuk-summary-list__key">Meeting {index + 1}</dt>
          <dd className="nhsuk-summary-list__value">
            {formatMeetingWhen(meeting)}
            {meeting.place && <span className="app-secondary-line">{meeting.place}</span>}
            {meeting.videoLink && (
              <span className="app-secondary-line">
                <a href={meeting.videoLink} rel="noreferrer noopener" target="_blank">
                  Video call link (opens in a new tab)
                </a>
              </span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The ground rules a set starts from (and later agrees for itself). */
export function GroundRulesList({ rules }: { rules: readonly string[] }) {
  return (
    <ol className="nhsuk-list nhsuk-list--number" data-testid="ground-rules">
      {rules.map((rule) => (
        <li key={rule}>{rule}</li>
      ))}
    </ol>
  );
}

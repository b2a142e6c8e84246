import type { MeetingPlan, MeetingProgress } from '@setboard/shared';
import { formatMeetingWhen } from './format';
import { Tag } from './Tag';

interface MeetingsSummaryProps {
  meetings: readonly MeetingPlan[];
  /** Where each meeting stands (held, running…), when known. */
  progress?: readonly MeetingProgress[];
  /** The next meeting not yet held, marked "Next". */
  nextIndex?: number | null;
  /** Where to download a meeting's calendar file, for those in the set. */
  calendarHref?: (meetingIndex: number) => string;
}

/** The set's planned meetings as an NHS.UK summary list: when, and where or how to join. */
export function MeetingsSummary({
  meetings,
  progress,
  nextIndex,
  calendarHref,
}: MeetingsSummaryProps) {
  if (meetings.length === 0) return <p className="nhsuk-body">No meetings are planned yet.</p>;
  return (
    <dl className="nhsuk-summary-list" data-testid="meetings">
      {meetings.map((meeting, index) => (
        <div className="nhsuk-summary-list__row" key={`${meeting.date}-${index}`}>
          <dt className="nhsuk-summary-list__key">Meeting {index + 1}</dt>
          <dd className="nhsuk-summary-list__value">
            {formatMeetingWhen(meeting)}
            {index === nextIndex && (
              <>
                {' '}
                <Tag label="Next" colour="blue" />
              </>
            )}
            {progress?.[index] === 'held' && (
              <>
                {' '}
                <Tag label="Held" colour="grey" />
              </>
            )}
            {meeting.place && <span className="app-secondary-line">{meeting.place}</span>}
            {meeting.videoLink && (
              <span className="app-secondary-line">
                <a href={meeting.videoLink} rel="noreferrer noopener" target="_blank">
                  Video call link (opens in a new tab)
                </a>
              </span>
            )}
            {calendarHref && progress?.[index] !== 'held' && (
              <span className="app-secondary-line">
                <a href={calendarHref(index)} download={`meeting-${index + 1}.ics`}>
                  Add meeting {index + 1} to your calendar
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

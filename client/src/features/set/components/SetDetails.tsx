import type { SetView } from '@setboard/shared';
import type { ReactNode } from 'react';
import { AgreedGroundRules } from '../../../boards/records/AgreedGroundRules';
import { MeetingsSummary } from '../../../ui/MeetingsSummary';
import { describeSettings } from '../../../ui/set-settings-text';
import { meetingCalendarPath } from '../api/year-api';

/** When the set meets, and (for those in the set) the way into each meeting's room. */
export function SetMeetings({ set, children }: { set: SetView; children?: ReactNode }) {
  return (
    <section aria-labelledby="meetings-heading">
      <h2 className="nhsuk-heading-m" id="meetings-heading">
        Meetings
      </h2>
      <MeetingsSummary
        meetings={set.meetings}
        progress={set.meetingProgress}
        nextIndex={set.nextMeetingIndex}
        {...(set.viewerRole === 'organiser'
          ? {}
          : { calendarHref: (index: number) => meetingCalendarPath(set.id, index) })}
      />
      {children}
    </section>
  );
}

/** How the set works: its size, settings and ground rules. */
export function SetWaysOfWorking({ set }: { set: SetView }) {
  return (
    <section aria-labelledby="settings-heading">
      <h2 className="nhsuk-heading-m" id="settings-heading">
        How the set works
      </h2>
      <dl className="nhsuk-summary-list" data-testid="settings">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Size</dt>
          <dd className="nhsuk-summary-list__value">
            {set.sizeLimits.min} to {set.sizeLimits.max} members, plus the facilitator
          </dd>
        </div>
        {describeSettings(set.settings).map(({ key, value }) => (
          <div className="nhsuk-summary-list__row" key={key}>
            <dt className="nhsuk-summary-list__key">{key}</dt>
            <dd className="nhsuk-summary-list__value">{value}</dd>
          </div>
        ))}
      </dl>
      <h3 className="nhsuk-heading-s">Ground rules</h3>
      {set.viewerRole === 'organiser' ? (
        <p className="nhsuk-body">
          The set agrees its own ground rules. Only its members and facilitator see them.
        </p>
      ) : (
        <AgreedGroundRules set={set} />
      )}
    </section>
  );
}

/** The composition warnings (docs/domain.md, "The set and its cycle"), for the organiser and facilitator. */
export function CompositionWarnings({ set }: { set: SetView }) {
  const warnings = set.composition ?? [];
  if (warnings.length === 0) return null;
  return (
    <div className="nhsuk-card nhsuk-card--warning" data-testid="composition-warnings">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading">
          <span className="nhsuk-u-visually-hidden">Important: </span>Check the set’s mix
        </h2>
        <ul className="nhsuk-list nhsuk-list--bullet">
          {warnings.map((warning) => (
            <li key={warning.message}>{warning.message}</li>
          ))}
        </ul>
        <p className="nhsuk-body">
          A set works best with members from different organisations, at broadly similar levels.
        </p>
      </div>
    </div>
  );
}

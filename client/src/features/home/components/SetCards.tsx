import type { SetSummary } from '@setboard/shared';
import { Link } from 'react-router';
import { countOf, formatMeetingWhen } from '../../../ui/format';
import { LIFECYCLE_TAGS, ROLE_LABELS } from '../../../ui/labels';
import { Tag } from '../../../ui/Tag';
import { LiveMeetingJoin } from './LiveMeetingJoin';

/**
 * One card per set: its name (a link), a way into its meeting while one is live, your role, the
 * next meeting and the size.
 */
export function SetCards({ sets }: { sets: readonly SetSummary[] }) {
  return (
    <ul className="nhsuk-list app-card-list" data-testid="my-sets">
      {sets.map((set) => (
        <li key={set.id}>
          <div className="nhsuk-card nhsuk-card--clickable">
            <div className="nhsuk-card__content">
              <h2 className="nhsuk-card__heading nhsuk-heading-m">
                <Link className="nhsuk-card__link" to={`/sets/${set.id}`}>
                  {set.name}
                </Link>
              </h2>
              <LiveMeetingJoin set={set} />
              <dl className="nhsuk-summary-list nhsuk-summary-list--no-border app-card-summary">
                <div className="nhsuk-summary-list__row">
                  <dt className="nhsuk-summary-list__key">Your role</dt>
                  <dd className="nhsuk-summary-list__value">{ROLE_LABELS[set.viewerRole]}</dd>
                </div>
                <div className="nhsuk-summary-list__row">
                  <dt className="nhsuk-summary-list__key">Next meeting</dt>
                  <dd className="nhsuk-summary-list__value">
                    {set.nextMeeting
                      ? formatMeetingWhen(set.nextMeeting)
                      : 'No more meetings planned'}
                  </dd>
                </div>
                <div className="nhsuk-summary-list__row">
                  <dt className="nhsuk-summary-list__key">Members</dt>
                  <dd className="nhsuk-summary-list__value">
                    {countOf(set.memberCount, 'member')}
                  </dd>
                </div>
                <div className="nhsuk-summary-list__row">
                  <dt className="nhsuk-summary-list__key">Stage</dt>
                  <dd className="nhsuk-summary-list__value">
                    <Tag {...LIFECYCLE_TAGS[set.lifecycle]} />
                  </dd>
                </div>
              </dl>
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}

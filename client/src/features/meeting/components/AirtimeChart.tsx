import type { CSSProperties } from 'react';
import type { LiveMeeting } from '../../../live-meeting/use-meeting';
import { useNow } from '../../../live-meeting/use-now';
import { airtimeChart, durationText } from '../lib/airtime-chart';

/** A bar's length as a CSS custom property, set through the CSSOM (the CSP allows no `style=`). */
function barStyle(percent: number): CSSProperties {
  return { '--app-airtime-bar': `${percent}%` } as CSSProperties;
}

/**
 * At the process review: who held a turn or the floor, and for how long, as horizontal bars
 * with the figures in words beside them. The bars only repeat the words, so they are hidden
 * from assistive technology; the caption says whether time was shared roughly equally.
 */
export function AirtimeChart({
  meeting,
  nameOf,
}: {
  meeting: LiveMeeting;
  nameOf: (personId: string) => string;
}) {
  const { state, offsetMs } = meeting;
  // Someone holding the floor keeps adding time; refresh the figures while they do.
  const speaking = state.airtime.speakerId !== null && state.pausedAt === null;
  const localNow = useNow(speaking, 1000);
  const chart = airtimeChart(state, localNow + offsetMs, nameOf);
  return (
    <section aria-labelledby="airtime-heading" className="app-meeting-panel">
      <h2 className="nhsuk-heading-s" id="airtime-heading">
        Airtime
      </h2>
      <figure className="app-airtime" data-testid="airtime-chart">
        <figcaption className="nhsuk-body" data-testid="airtime-caption">
          {chart.caption}
        </figcaption>
        <ul className="app-airtime__rows">
          {chart.rows.map((row) => (
            <li key={row.personId} className="app-airtime__row" data-testid="airtime-row">
              <span className="app-airtime__name">{row.name}</span>
              <span className="app-airtime__track" aria-hidden="true">
                <span className="app-airtime__bar" style={barStyle(row.barPercent)} />
              </span>
              <span className="app-airtime__figures">{row.figures}</span>
            </li>
          ))}
        </ul>
        {chart.unattributedMs >= 1000 && (
          <p className="nhsuk-body-s">
            Time nobody held a turn or the floor (silent stages, bidding and breaks):{' '}
            {durationText(chart.unattributedMs)}.
          </p>
        )}
      </figure>
    </section>
  );
}

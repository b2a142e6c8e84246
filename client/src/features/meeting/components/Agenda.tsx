import {
  type MeetingPlan,
  type MeetingState,
  londonTimeToEpoch,
  meetingSchedule,
} from '@setboard/shared';
import { agendaItems, scheduleWarning } from '../lib/agenda-items';

/**
 * The agenda with the current item marked (`aria-current="step"`), the slot's stages nested,
 * each part's planned start time, and a warning when the plan does not fit the meeting's length.
 */
export function Agenda({
  state,
  nameOf,
  plan,
}: {
  state: MeetingState;
  nameOf: (personId: string) => string;
  plan?: Pick<MeetingPlan, 'date' | 'endTime'> | undefined;
}) {
  const schedule = plan
    ? meetingSchedule(state, londonTimeToEpoch(plan.date, plan.endTime))
    : undefined;
  const items = agendaItems(state, nameOf, schedule);
  const warning =
    schedule && plan && state.phase !== 'closed' ? scheduleWarning(schedule, plan.endTime) : null;
  return (
    <section aria-labelledby="agenda-heading" className="app-meeting-panel">
      <h2 className="nhsuk-heading-s" id="agenda-heading">
        Agenda
      </h2>
      {warning && (
        <div className="nhsuk-warning-callout app-agenda-warning" data-testid="agenda-warning">
          <h3 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>
              The plan does not fit
            </span>
          </h3>
          <p>{warning}</p>
        </div>
      )}
      <ol className="app-agenda" data-testid="agenda">
        {items.map((item) => (
          <li
            key={item.key}
            className={`app-agenda__item${item.current ? ' app-agenda__item--current' : ''}`}
            aria-current={item.current ? 'step' : undefined}
          >
            {item.at && <span className="app-agenda__time">{item.at} </span>}
            {item.label}
            {item.current && <span className="nhsuk-u-visually-hidden"> (now)</span>}
            {item.stages && (
              <ol className="app-agenda app-agenda--stages">
                {item.stages.map((stage) => (
                  <li
                    key={stage.stage}
                    className={`app-agenda__item${stage.current ? ' app-agenda__item--current' : ''}`}
                    aria-current={stage.current ? 'step' : undefined}
                  >
                    {stage.label}
                    {stage.current && <span className="nhsuk-u-visually-hidden"> (now)</span>}
                  </li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

import type { MeetingState } from '@setboard/shared';
import { agendaItems } from '../lib/agenda-items';

/** The agenda with the current item marked (`aria-current="step"`), the slot's stages nested. */
export function Agenda({
  state,
  nameOf,
}: {
  state: MeetingState;
  nameOf: (personId: string) => string;
}) {
  const items = agendaItems(state, nameOf);
  return (
    <section aria-labelledby="agenda-heading" className="app-meeting-panel">
      <h2 className="nhsuk-heading-s" id="agenda-heading">
        Agenda
      </h2>
      <ol className="app-agenda" data-testid="agenda">
        {items.map((item) => (
          <li
            key={item.key}
            className={`app-agenda__item${item.current ? ' app-agenda__item--current' : ''}`}
            aria-current={item.current ? 'step' : undefined}
          >
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

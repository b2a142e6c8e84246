import { CalendarFeedState, CreatedCalendarFeed, Done } from '@setboard/shared';
import { useState } from 'react';
import { apiRequest } from '../../../api/api-request';
import { toApiError } from '../../../api/api-error';
import { useApiGet } from '../../../api/use-api-get';
import { CopyField } from '../../../ui/CopyField';
import { formatMoment } from '../../../ui/format';

const PATH = '/api/my/calendar-feed';

/**
 * A private calendar address with your meetings and actions' due dates, for a calendar app to
 * follow. It is shown once; a new one replaces it, and it can be stopped at any time.
 */
export function CalendarFeed() {
  const { result, replace } = useApiGet(PATH, CalendarFeedState);
  const [made, setMade] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const state = result.state === 'ready' ? result.data : null;
  const make = async () => {
    setProblem(null);
    try {
      const created = await apiRequest('POST', PATH, { schema: CreatedCalendarFeed });
      setMade(created.url);
      replace({ active: true, createdAt: created.createdAt });
    } catch (error) {
      setProblem(toApiError(error).message);
    }
  };
  const stop = async () => {
    setProblem(null);
    try {
      await apiRequest('DELETE', PATH, { schema: Done });
      setMade(null);
      replace({ active: false, createdAt: null });
    } catch (error) {
      setProblem(toApiError(error).message);
    }
  };
  return (
    <section aria-labelledby="calendar-heading" data-testid="calendar-feed">
      <h2 className="nhsuk-heading-m" id="calendar-heading">
        Your calendar
      </h2>
      <p className="nhsuk-body">
        A private address your calendar app can follow: your sets’ meetings and your actions’ due
        dates, kept up to date when dates change. Anyone with the address can see these dates, so
        keep it to yourself.
      </p>
      {problem && (
        <p className="nhsuk-error-message" role="alert">
          {problem}
        </p>
      )}
      {made && (
        <CopyField
          id="calendar-address"
          label="Your calendar address"
          hint="Copy it into your calendar app now: it is shown only once."
          value={made}
        />
      )}
      {state?.active && !made && state.createdAt !== null && (
        <p className="nhsuk-body">
          Your calendar address was made {formatMoment(state.createdAt)}.
        </p>
      )}
      <div className="nhsuk-button-group">
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={() => void make()}
        >
          {state?.active ? 'Make a new address' : 'Make my calendar address'}
        </button>
        {state?.active && (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={() => void stop()}
          >
            Stop my calendar address
          </button>
        )}
      </div>
      {state?.active && (
        <p className="nhsuk-body-s app-secondary-line">
          A new address stops the old one working at once.
        </p>
      )}
    </section>
  );
}

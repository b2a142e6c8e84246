import { PULSE_QUESTION, PulseView } from '@setboard/shared';
import { type FormEvent, useState } from 'react';
import { apiRequest } from '../../../api/api-request';
import { useApiGet } from '../../../api/use-api-get';

function pulsePath(setId: string, meetingIndex: number): string {
  return `/api/sets/${encodeURIComponent(setId)}/meetings/${meetingIndex}/pulse`;
}

const SCORES = [1, 2, 3, 4, 5] as const;
const SCORE_WORDS = ['Not useful', 'A little useful', 'Useful', 'Very useful', 'Extremely useful'];

/** The answers as a distribution: counts only, never who gave which. */
export function PulseDistribution({ counts }: { counts: readonly number[] }) {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return <p className="nhsuk-body">Nobody answered the pulse.</p>;
  return (
    <dl className="nhsuk-summary-list" data-testid="pulse-distribution">
      {SCORES.map((score, index) => (
        <div className="nhsuk-summary-list__row" key={score}>
          <dt className="nhsuk-summary-list__key">
            {score} – {SCORE_WORDS[index]}
          </dt>
          <dd className="nhsuk-summary-list__value">
            {counts[index] ?? 0} of {total}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * At the process review, optional: "How useful was today?" from 1 to 5, anonymous to the set.
 * Once answered, the set's answers so far show as counts.
 */
export function PulseQuestion({ setId, meetingIndex }: { setId: string; meetingIndex: number }) {
  const path = pulsePath(setId, meetingIndex);
  const { result, replace } = useApiGet(path, PulseView);
  const [score, setScore] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (score === null) {
      setProblem('Choose from 1 to 5');
      return;
    }
    setProblem(null);
    apiRequest('POST', path, { body: { score }, schema: PulseView }).then(replace, (error: Error) =>
      setProblem(error.message),
    );
  };
  if (result.state !== 'ready') return null;
  return (
    <section aria-labelledby="pulse-heading" className="app-meeting-panel" data-testid="pulse">
      <h2 className="nhsuk-heading-s" id="pulse-heading">
        Pulse (optional)
      </h2>
      {result.data.answered ? (
        <>
          <p className="nhsuk-body">Thank you. Nobody sees who gave which answer.</p>
          <PulseDistribution counts={result.data.counts} />
        </>
      ) : (
        <form noValidate onSubmit={submit}>
          <div className={`nhsuk-form-group${problem ? ' nhsuk-form-group--error' : ''}`}>
            <fieldset className="nhsuk-fieldset" aria-describedby="pulse-hint">
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
                {PULSE_QUESTION}
              </legend>
              <div className="nhsuk-hint" id="pulse-hint">
                Anonymous: the set sees only how many gave each answer.
              </div>
              {problem && (
                <span className="nhsuk-error-message">
                  <span className="nhsuk-u-visually-hidden">Error: </span>
                  {problem}
                </span>
              )}
              <div className="nhsuk-radios nhsuk-radios--inline">
                {SCORES.map((value, index) => (
                  <div className="nhsuk-radios__item" key={value}>
                    <input
                      className="nhsuk-radios__input"
                      id={`pulse-${value}`}
                      name="pulse"
                      type="radio"
                      value={value}
                      checked={score === value}
                      onChange={() => setScore(value)}
                    />
                    <label className="nhsuk-label nhsuk-radios__label" htmlFor={`pulse-${value}`}>
                      {value}
                      <span className="nhsuk-u-visually-hidden"> – {SCORE_WORDS[index]}</span>
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          <button type="submit" className="nhsuk-button nhsuk-button--secondary">
            Send your answer
          </button>
        </form>
      )}
    </section>
  );
}

/** In the meeting summary: the pulse's answers, if anyone gave one. */
export function PulseSummary({ setId, meetingIndex }: { setId: string; meetingIndex: number }) {
  const { result } = useApiGet(pulsePath(setId, meetingIndex), PulseView);
  if (result.state !== 'ready') return null;
  return (
    <>
      <h3 className="nhsuk-heading-m">{PULSE_QUESTION}</h3>
      <PulseDistribution counts={result.data.counts} />
    </>
  );
}

import { SetPrivacy, UpdateSetPrivacyRequest, type FormerMemberWords } from '@setboard/shared';
import { useState, type FormEvent } from 'react';
import { apiRequest } from '../../../api/api-request';
import { toApiError } from '../../../api/api-error';
import { useApiGet } from '../../../api/use-api-get';

const WORDS: Array<[FormerMemberWords, string]> = [
  ['remove', 'Delete what they wrote in shared parts of the boards'],
  ['keep', 'Keep it, without their name'],
  ['member_chooses', 'Let each member choose when they leave'],
];

/**
 * For whoever runs the set (docs/privacy.md): how long the set's content is kept after it
 * closes, and what happens to a former member's words.
 */
export function PrivacySettings({ setId }: { setId: string }) {
  const path = `/api/sets/${setId}/privacy`;
  const { result, replace } = useApiGet(path, SetPrivacy);
  const [months, setMonths] = useState<string | null>(null);
  const [words, setWords] = useState<FormerMemberWords | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  if (result.state !== 'ready') return null;
  const current = result.data;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setSaved(false);
    const change = UpdateSetPrivacyRequest.safeParse({
      retentionMonths: Number(months ?? current.retentionMonths),
      formerMemberWords: words ?? current.formerMemberWords,
    });
    if (!change.success) {
      setProblem(change.error.issues[0]?.message ?? 'Check the number of months');
      return;
    }
    try {
      replace(await apiRequest('PATCH', path, { body: change.data, schema: SetPrivacy }));
      setSaved(true);
    } catch (error) {
      const problem = toApiError(error);
      // The field's own message ("at most 72 months") says more than the summary.
      setProblem(problem.issues[0]?.message ?? problem.message);
    }
  };
  return (
    <section aria-labelledby="privacy-heading" data-testid="privacy-settings">
      <h2 className="nhsuk-heading-m" id="privacy-heading">
        Keeping the set’s content
      </h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className={`nhsuk-form-group${problem ? ' nhsuk-form-group--error' : ''}`}>
          <label className="nhsuk-label" htmlFor="retention-months">
            Months to keep the boards after the set closes
          </label>
          <div className="nhsuk-hint" id="retention-hint">
            Between 1 and 72. Members are told 30 days before the boards are deleted; the cycle
            report is kept.
          </div>
          {problem && (
            <p className="nhsuk-error-message" id="privacy-error" role="alert">
              <span className="nhsuk-u-visually-hidden">Error:</span> {problem}
            </p>
          )}
          <input
            className="nhsuk-input nhsuk-input--width-4"
            id="retention-months"
            inputMode="numeric"
            value={months ?? String(current.retentionMonths)}
            onChange={(event) => setMonths(event.target.value)}
            aria-describedby={problem ? 'retention-hint privacy-error' : 'retention-hint'}
          />
        </div>
        <fieldset className="nhsuk-fieldset nhsuk-form-group">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
            When a member leaves or is removed
          </legend>
          <div className="nhsuk-radios">
            {WORDS.map(([value, label]) => (
              <div className="nhsuk-radios__item" key={value}>
                <input
                  className="nhsuk-radios__input"
                  id={`former-words-${value}`}
                  name="former-words"
                  type="radio"
                  checked={(words ?? current.formerMemberWords) === value}
                  onChange={() => setWords(value)}
                />
                <label
                  className="nhsuk-label nhsuk-radios__label"
                  htmlFor={`former-words-${value}`}
                >
                  {label}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="nhsuk-button nhsuk-button--secondary">
          Save
        </button>
        {saved && (
          <p className="nhsuk-body" role="status" data-testid="privacy-saved">
            Saved.
          </p>
        )}
      </form>
    </section>
  );
}

import { LIFECYCLE_RULES, type SetLifecycle, type SetView } from '@setboard/shared';
import { useState } from 'react';
import { toApiError } from '../../../api/api-error';
import { LIFECYCLE_TAGS } from '../../../ui/labels';
import { Tag } from '../../../ui/Tag';
import { changeLifecycle } from '../api/edit-set-api';

/** Where the set is in its life, what that allows, and closing or reopening it by hand. */
export function LifecycleControls({
  set,
  onChanged,
}: {
  set: SetView;
  onChanged: (set: SetView, message: string) => void;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const rules = LIFECYCLE_RULES[set.lifecycle];
  const reopenTo: SetLifecycle = set.meetingProgress.includes('held') ? 'active' : 'forming';
  const change = async (lifecycle: SetLifecycle, message: string) => {
    setProblem(null);
    try {
      onChanged(await changeLifecycle(set.id, lifecycle), message);
      setConfirming(false);
    } catch (error) {
      const failure = toApiError(error);
      setProblem(failure.issues[0]?.message ?? failure.message);
    }
  };
  return (
    <section aria-labelledby="lifecycle-heading" data-testid="lifecycle">
      <h2 className="nhsuk-heading-m" id="lifecycle-heading">
        The set’s state
      </h2>
      <p className="nhsuk-body">
        <Tag {...LIFECYCLE_TAGS[set.lifecycle]} /> {rules.allows}
      </p>
      {problem && (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error: </span>
          {problem}
        </p>
      )}
      {set.lifecycle === 'closed' ? (
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={() => void change(reopenTo, 'The set has been reopened.')}
        >
          Reopen the set
        </button>
      ) : confirming ? (
        <div className="nhsuk-warning-callout">
          <h3 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>Close the set?
            </span>
          </h3>
          <p className="nhsuk-body">{LIFECYCLE_RULES.closed.allows}</p>
          <div className="nhsuk-button-group">
            <button
              type="button"
              className="nhsuk-button nhsuk-button--warning"
              onClick={() => void change('closed', 'The set is closed.')}
            >
              Yes, close the set
            </button>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              onClick={() => setConfirming(false)}
            >
              No, keep it open
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={() => setConfirming(true)}
        >
          Close the set
        </button>
      )}
    </section>
  );
}

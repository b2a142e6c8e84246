import {
  type ActionStatus,
  type OwnedAction,
  actionStatusChoices,
  actionUpdateIssues,
} from '@setboard/shared';
import { useState } from 'react';
import { toApiError } from '../../../api/api-error';
import { SelectField } from '../../../boards/records/SelectField';
import { ACTION_STATUS_LABELS } from '../../../boards/records/status-labels';
import { TextAreaField } from '../../../ui/fields';
import { type FieldErrors, errorsFromIssues } from '../../../ui/form-errors';
import { updateAction } from '../api/my-actions-api';

interface ActionProgressFormProps {
  owned: OwnedAction;
  onSaved: (updated: OwnedAction) => void;
}

/** Change an action's status and add a progress note; saved into the slot's board. */
export function ActionProgressForm({ owned, onSaved }: ActionProgressFormProps) {
  const { action } = owned;
  const [status, setStatus] = useState<ActionStatus>(action.status);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const prefix = `action-${owned.actionId}`;

  const save = async (): Promise<void> => {
    const update = { status, note: note.trim() };
    const issues = actionUpdateIssues(action, update);
    setErrors(errorsFromIssues(issues));
    setProblem(null);
    if (issues.length > 0) return;
    setBusy(true);
    try {
      onSaved(await updateAction(owned, update));
      setNote('');
    } catch (error) {
      const failure = toApiError(error);
      setErrors(errorsFromIssues(failure.issues));
      setProblem(failure.issues.length > 0 ? null : failure.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="app-record-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {problem && (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error: </span>
          {problem}
        </p>
      )}
      <SelectField
        path={`${prefix}.status`}
        label="Status"
        value={status}
        error={errors.status}
        choices={actionStatusChoices(action.status).map((value) => ({
          value,
          label: ACTION_STATUS_LABELS[value].label,
        }))}
        onChange={setStatus}
      />
      <TextAreaField
        path={`${prefix}.note`}
        label="Progress note (optional)"
        hint="What you have done, what happened, what you learned. Everyone in the set can read it."
        rows={3}
        value={note}
        error={errors.note}
        onChange={setNote}
      />
      <button type="submit" className="nhsuk-button nhsuk-button--secondary" disabled={busy}>
        Save progress<span className="nhsuk-u-visually-hidden"> on: {action.what}</span>
      </button>
    </form>
  );
}

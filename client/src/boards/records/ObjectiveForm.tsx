import { type ObjectiveRecord, ObjectiveStatus } from '@setboard/shared';
import { type FormEvent, useState } from 'react';
import { DateInputField } from '../../ui/DateInputField';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { ButtonGroup, TextAreaField } from '../../ui/fields';
import { summariseErrors } from '../../ui/form-errors';
import { useFormErrors } from '../../ui/use-form-errors';
import { prefixErrors } from './form-result';
import { OBJECTIVE_FIELDS, type ObjectiveDraft, buildObjective } from './objective-form';
import { SelectField } from './SelectField';
import { OBJECTIVE_STATUS_LABELS } from './status-labels';

interface ObjectiveFormProps {
  idPrefix: string;
  initial: ObjectiveDraft;
  previous: ObjectiveRecord | null;
  lockedReason: string | null;
  onSave: (record: ObjectiveRecord) => void;
  onCancel: () => void;
}

const STATUS_CHOICES = ObjectiveStatus.options.map((status) => ({
  value: status,
  label: OBJECTIVE_STATUS_LABELS[status].label,
}));

/**
 * Adds or changes one objective: statement, measure, baseline, target, date and status. The
 * saved objective stays as it was until the whole form checks out.
 */
export function ObjectiveForm(props: ObjectiveFormProps) {
  const { idPrefix, previous, lockedReason } = props;
  const [draft, setDraft] = useState(props.initial);
  const form = useFormErrors();
  const path = (field: string) => `${idPrefix}.${field}`;
  const errorOf = (field: string) => form.errors[path(field)];
  const change = (patch: Partial<ObjectiveDraft>) => setDraft({ ...draft, ...patch });

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const built = buildObjective(draft, previous, Date.now());
    if (!built.ok) return form.fail(prefixErrors(built.errors, idPrefix));
    form.clear();
    props.onSave(built.record);
  };

  return (
    <form noValidate onSubmit={submit} className="app-record-form" data-testid="objective-form">
      <ErrorSummary
        items={summariseErrors(form.errors, OBJECTIVE_FIELDS.map(path))}
        attempt={form.attempt}
      />
      <TextAreaField
        path={path('statement')}
        label="Objective"
        hint="What you want to achieve, in one sentence."
        rows={2}
        value={draft.statement}
        onChange={(statement) => change({ statement })}
        error={errorOf('statement')}
      />
      <TextAreaField
        path={path('measure')}
        label="Measure or evidence"
        hint="How you and the set will see progress. For example, days from advert to offer."
        rows={2}
        value={draft.measure}
        onChange={(measure) => change({ measure })}
        error={errorOf('measure')}
      />
      <TextAreaField
        path={path('baseline')}
        label="Baseline"
        hint="Where things are now."
        rows={2}
        value={draft.baseline}
        onChange={(baseline) => change({ baseline })}
        error={errorOf('baseline')}
      />
      <TextAreaField
        path={path('target')}
        label="Target"
        rows={2}
        value={draft.target}
        onChange={(target) => change({ target })}
        error={errorOf('target')}
      />
      <DateInputField
        path={path('targetDate')}
        legend="Target date"
        hint="For example, 21 6 2028. Leave it empty if there is none yet."
        value={draft.targetDate}
        onChange={(targetDate) => change({ targetDate })}
        error={errorOf('targetDate')}
      />
      <SelectField
        path={path('status')}
        label="Status"
        value={draft.status}
        choices={STATUS_CHOICES}
        onChange={(status) => change({ status })}
        error={errorOf('status')}
      />
      <ButtonGroup>
        <button type="submit" className="nhsuk-button" disabled={lockedReason !== null}>
          {previous ? 'Save changes' : 'Add objective'}
        </button>
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={props.onCancel}
        >
          Cancel
        </button>
      </ButtonGroup>
    </form>
  );
}

import { type ObjectiveRecord, ObjectiveStatus } from '@setboard/shared';
import { DateInputField } from '../../ui/DateInputField';
import { TextAreaField } from '../../ui/fields';
import { OBJECTIVE_FIELDS, type ObjectiveDraft, buildObjective } from './objective-form';
import { SelectField } from './SelectField';
import { OBJECTIVE_STATUS_LABELS } from './status-labels';
import { RecordFormButtons, useRecordForm } from './use-record-form';

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
  const { previous, lockedReason } = props;
  const { draft, change, path, errorOf, submit, summary } = useRecordForm<
    ObjectiveDraft,
    ObjectiveRecord
  >({
    idPrefix: props.idPrefix,
    initial: props.initial,
    build: (next) => buildObjective(next, previous, Date.now()),
    onSave: props.onSave,
    fields: OBJECTIVE_FIELDS,
  });

  return (
    <form noValidate onSubmit={submit} className="app-record-form" data-testid="objective-form">
      {summary}
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
      <RecordFormButtons
        saveLabel={previous ? 'Save changes' : 'Add objective'}
        lockedReason={lockedReason}
        onCancel={props.onCancel}
      />
    </form>
  );
}

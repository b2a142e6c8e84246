import type { ActionRecord } from '@setboard/shared';
import { DateInputField } from '../../ui/DateInputField';
import { TextAreaField } from '../../ui/fields';
import { ACTION_FIELDS, type ActionDraft, actionStatusChoices, buildAction } from './action-form';
import { SelectField } from './SelectField';
import { ACTION_STATUS_LABELS } from './status-labels';
import { RecordFormButtons, useRecordForm } from './use-record-form';

interface ActionFormProps {
  /** Prefix of the fields' ids: unique on the page. */
  idPrefix: string;
  initial: ActionDraft;
  /** The saved action being changed, or null for a new one. */
  previous: ActionRecord | null;
  /** Why saving is not possible now, or null. */
  lockedReason: string | null;
  onSave: (record: ActionRecord) => void;
  onCancel: () => void;
}

/** Adds or changes one action. Nothing is saved until the whole form checks out. */
export function ActionForm(props: ActionFormProps) {
  const { previous, lockedReason } = props;
  const { draft, change, path, errorOf, submit, summary } = useRecordForm<
    ActionDraft,
    ActionRecord
  >({
    idPrefix: props.idPrefix,
    initial: props.initial,
    build: (next) => buildAction(next, previous, Date.now()),
    onSave: props.onSave,
    fields: ACTION_FIELDS,
  });

  const choices = actionStatusChoices(previous?.status ?? null).map((status) => ({
    value: status,
    label: ACTION_STATUS_LABELS[status].label,
  }));
  return (
    <form noValidate onSubmit={submit} className="app-record-form" data-testid="action-form">
      {summary}
      <TextAreaField
        path={path('what')}
        label="What I will do"
        hint="One action, in your own words."
        rows={2}
        value={draft.what}
        onChange={(what) => change({ what })}
        error={errorOf('what')}
      />
      <TextAreaField
        path={path('intendedOutcome')}
        label="What I want it to achieve"
        rows={2}
        value={draft.intendedOutcome}
        onChange={(intendedOutcome) => change({ intendedOutcome })}
        error={errorOf('intendedOutcome')}
      />
      <TextAreaField
        path={path('howWillIKnow')}
        label="How I will know it has worked"
        rows={2}
        value={draft.howWillIKnow}
        onChange={(howWillIKnow) => change({ howWillIKnow })}
        error={errorOf('howWillIKnow')}
      />
      <DateInputField
        path={path('due')}
        legend="Due by"
        hint="Usually the next meeting. For example, 14 12 2027."
        value={draft.due}
        onChange={(due) => change({ due })}
        error={errorOf('due')}
      />
      <SelectField
        path={path('status')}
        label="Status"
        hint="Carrying an action forward needs a new date; dropping it needs a reason."
        value={draft.status}
        choices={choices}
        onChange={(status) => change({ status })}
        error={errorOf('status')}
      />
      <TextAreaField
        path={path('statusNote')}
        label="What I learned"
        hint="At the check-in: what happened and what you learned, or why you changed or dropped it."
        rows={3}
        value={draft.statusNote}
        onChange={(statusNote) => change({ statusNote })}
        error={errorOf('statusNote')}
      />
      <RecordFormButtons
        saveLabel={previous ? 'Save changes' : 'Add action'}
        lockedReason={lockedReason}
        onCancel={props.onCancel}
      />
    </form>
  );
}

import type { ActionRecord } from '@setboard/shared';
import { type FormEvent, useState } from 'react';
import { DateInputField } from '../../ui/DateInputField';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { ButtonGroup, TextAreaField } from '../../ui/fields';
import { summariseErrors } from '../../ui/form-errors';
import { useFormErrors } from '../../ui/use-form-errors';
import { ACTION_FIELDS, type ActionDraft, actionStatusChoices, buildAction } from './action-form';
import { prefixErrors } from './form-result';
import { SelectField } from './SelectField';
import { ACTION_STATUS_LABELS } from './status-labels';

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
  const { idPrefix, previous, lockedReason } = props;
  const [draft, setDraft] = useState(props.initial);
  const form = useFormErrors();
  const path = (field: string) => `${idPrefix}.${field}`;
  const errorOf = (field: string) => form.errors[path(field)];
  const change = (patch: Partial<ActionDraft>) => setDraft({ ...draft, ...patch });

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const built = buildAction(draft, previous, Date.now());
    if (!built.ok) return form.fail(prefixErrors(built.errors, idPrefix));
    form.clear();
    props.onSave(built.record);
  };

  const choices = actionStatusChoices(previous?.status ?? null).map((status) => ({
    value: status,
    label: ACTION_STATUS_LABELS[status].label,
  }));
  return (
    <form noValidate onSubmit={submit} className="app-record-form" data-testid="action-form">
      <ErrorSummary
        items={summariseErrors(form.errors, ACTION_FIELDS.map(path))}
        attempt={form.attempt}
      />
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
      <ButtonGroup>
        <button type="submit" className="nhsuk-button" disabled={lockedReason !== null}>
          {previous ? 'Save changes' : 'Add action'}
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

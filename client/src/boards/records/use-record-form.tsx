import { type FormEvent, type ReactNode, useState } from 'react';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { ButtonGroup } from '../../ui/fields';
import { summariseErrors } from '../../ui/form-errors';
import { useFormErrors } from '../../ui/use-form-errors';
import { type BuildResult, prefixErrors } from './form-result';

interface RecordFormOptions<Draft, Saved> {
  /** Prefix of the fields' ids: unique on the page (`action-<id>`). */
  idPrefix: string;
  initial: Draft | (() => Draft);
  /** Builds what is saved from the draft, or says what is wrong, by field. */
  build: (draft: Draft) => BuildResult<Saved>;
  onSave: (saved: Saved) => void;
  /** The fields in page order, for the error summary. */
  fields: readonly string[];
}

export interface RecordForm<Draft> {
  draft: Draft;
  /** Replaces the whole draft (e.g. a review for another meeting starts afresh). */
  setDraft: (draft: Draft) => void;
  change: (patch: Partial<Draft>) => void;
  /** A field's full path, which its id is made from. */
  path: (field: string) => string;
  errorOf: (field: string) => string | undefined;
  submit: (event: FormEvent<HTMLFormElement>) => void;
  /** The error summary, placed first in the form. */
  summary: ReactNode;
}

/**
 * What every record form (an action, an objective, a review) shares: a draft, errors by field
 * under the form's own ids, a summary that takes focus after a failed submit, and nothing saved
 * until the whole draft checks out.
 */
export function useRecordForm<Draft, Saved>(
  options: RecordFormOptions<Draft, Saved>,
): RecordForm<Draft> {
  const { idPrefix, build, onSave, fields } = options;
  const [draft, setDraft] = useState<Draft>(options.initial);
  const form = useFormErrors();
  const path = (field: string): string => `${idPrefix}.${field}`;

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const built = build(draft);
    if (!built.ok) return form.fail(prefixErrors(built.errors, idPrefix));
    form.clear();
    onSave(built.record);
  };

  return {
    draft,
    setDraft,
    change: (patch) => setDraft({ ...draft, ...patch }),
    path,
    errorOf: (field) => form.errors[path(field)],
    submit,
    summary: (
      <ErrorSummary items={summariseErrors(form.errors, fields.map(path))} attempt={form.attempt} />
    ),
  };
}

/** A record form's buttons: save (unless the board is locked) and cancel. */
export function RecordFormButtons(props: {
  saveLabel: string;
  lockedReason: string | null;
  onCancel: () => void;
}) {
  return (
    <ButtonGroup>
      <button type="submit" className="nhsuk-button" disabled={props.lockedReason !== null}>
        {props.saveLabel}
      </button>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        onClick={props.onCancel}
      >
        Cancel
      </button>
    </ButtonGroup>
  );
}

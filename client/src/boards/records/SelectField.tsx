import { ErrorMessage } from '../../ui/fields';
import { fieldId } from '../../ui/form-errors';

interface SelectFieldProps<V extends string> {
  path: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  value: V;
  choices: ReadonlyArray<{ value: V; label: string }>;
  onChange: (value: V) => void;
}

/** NHS.UK select: for a choice among many short options (a record's status). */
export function SelectField<V extends string>(props: SelectFieldProps<V>) {
  const { path, label, hint, error, value, choices, onChange } = props;
  const id = fieldId(path);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return (
    <div className={error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      <ErrorMessage id={id} message={error} />
      <select
        className={error ? 'nhsuk-select nhsuk-select--error' : 'nhsuk-select'}
        id={id}
        name={path}
        value={value}
        onChange={(event) => {
          const chosen = choices.find((choice) => choice.value === event.target.value);
          if (chosen) onChange(chosen.value);
        }}
        aria-describedby={describedBy.length > 0 ? describedBy.join(' ') : undefined}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}

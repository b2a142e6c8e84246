import type { ReactNode } from 'react';
import type { DateParts } from './date-parts';
import { ErrorMessage } from './fields';
import { fieldId } from './form-errors';

interface DateInputFieldProps {
  /** Dotted path of the date; the day input carries its id, so error links land there. */
  path: string;
  legend: string;
  hint?: ReactNode;
  error?: string | undefined;
  value: DateParts;
  onChange: (value: DateParts) => void;
}

const PARTS = [
  { key: 'day', label: 'Day', width: 2 },
  { key: 'month', label: 'Month', width: 2 },
  { key: 'year', label: 'Year', width: 4 },
] as const;

/** NHS.UK date input: day, month and year in their own boxes, in a labelled group. */
export function DateInputField({
  path,
  legend,
  hint,
  error,
  value,
  onChange,
}: DateInputFieldProps) {
  const id = fieldId(path);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
      <fieldset className="nhsuk-fieldset" role="group" aria-describedby={describedBy || undefined}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        {hint && (
          <div className="nhsuk-hint" id={`${id}-hint`}>
            {hint}
          </div>
        )}
        <ErrorMessage id={id} message={error} />
        <div className="nhsuk-date-input">
          {PARTS.map(({ key, label, width }) => {
            const partId = key === 'day' ? id : `${id}-${key}`;
            const classes = [
              'nhsuk-input',
              'nhsuk-date-input__input',
              `nhsuk-input--width-${width}`,
              error ? 'nhsuk-input--error' : '',
            ];
            return (
              <div className="nhsuk-date-input__item" key={key}>
                <div className="nhsuk-form-group">
                  <label className="nhsuk-label nhsuk-date-input__label" htmlFor={partId}>
                    {label}
                  </label>
                  <input
                    className={classes.filter(Boolean).join(' ')}
                    id={partId}
                    name={`${path}.${key}`}
                    type="text"
                    inputMode="numeric"
                    value={value[key]}
                    onChange={(event) => onChange({ ...value, [key]: event.target.value })}
                  />
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

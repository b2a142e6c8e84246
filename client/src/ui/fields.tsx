import type { ReactNode } from 'react';
import { fieldId } from './form-errors';

interface FieldProps {
  /** Dotted path of the field; its id is derived from it (`fieldId`). */
  path: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div className="nhsuk-hint" id={`${id}-hint`}>
      {children}
    </div>
  );
}

export function ErrorMessage({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <span className="nhsuk-error-message" id={`${id}-error`}>
      <span className="nhsuk-u-visually-hidden">Error: </span>
      {message}
    </span>
  );
}

function groupClass(error: string | undefined): string {
  return error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group';
}

/** The group, label, hint and error every single-control field has around its control. */
function LabelledField({
  id,
  label,
  hint,
  error,
  children,
}: Omit<FieldProps, 'path'> & { id: string; children: ReactNode }) {
  return (
    <div className={groupClass(error)}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {hint && <Hint id={id}>{hint}</Hint>}
      <ErrorMessage id={id} message={error} />
      {children}
    </div>
  );
}

interface TextFieldProps extends FieldProps {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'url' | 'date' | 'time';
  autoComplete?: string;
  inputMode?: 'numeric' | 'email' | 'url' | 'text';
  /** NHS.UK fixed widths, in characters. */
  width?: 2 | 3 | 4 | 5 | 10 | 20 | 30;
  spellCheck?: boolean;
}

export function TextField(props: TextFieldProps) {
  const { path, label, hint, error, value, onChange, type = 'text', width } = props;
  const id = fieldId(path);
  const classes = [
    'nhsuk-input',
    width ? `nhsuk-input--width-${width}` : null,
    error ? 'nhsuk-input--error' : null,
  ];
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      <input
        className={classes.filter(Boolean).join(' ')}
        id={id}
        name={path}
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(id, hint, error)}
        {...(props.autoComplete ? { autoComplete: props.autoComplete } : {})}
        {...(props.inputMode ? { inputMode: props.inputMode } : {})}
        {...(props.spellCheck === false ? { spellCheck: false } : {})}
      />
    </LabelledField>
  );
}

interface TextAreaFieldProps extends FieldProps {
  value: string;
  onChange: (value: string) => void;
  rows?: number;
}

export function TextAreaField(props: TextAreaFieldProps) {
  const { path, label, hint, error, value, onChange, rows = 5 } = props;
  const id = fieldId(path);
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      <textarea
        className={error ? 'nhsuk-textarea nhsuk-textarea--error' : 'nhsuk-textarea'}
        id={id}
        name={path}
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(id, hint, error)}
      />
    </LabelledField>
  );
}

export interface Choice<V extends string> {
  value: V;
  label: string;
  hint?: string;
}

interface RadiosFieldProps<V extends string> extends FieldProps {
  choices: ReadonlyArray<Choice<V>>;
  value: V | '';
  onChange: (value: V) => void;
  /** Side by side, for two short choices. */
  inline?: boolean;
  /** The legend's size: 's' in long forms, 'm' for a page's main question. */
  size?: 's' | 'm';
}

/**
 * A fieldset of radios. The first radio carries the field's id, so an error summary link
 * lands on the group.
 */
export function RadiosField<V extends string>(props: RadiosFieldProps<V>) {
  const { path, label, hint, error, choices, value, onChange, size = 's' } = props;
  const id = fieldId(path);
  return (
    <div className={groupClass(error)}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className={`nhsuk-fieldset__legend nhsuk-fieldset__legend--${size}`}>
          {label}
        </legend>
        {hint && <Hint id={id}>{hint}</Hint>}
        <ErrorMessage id={id} message={error} />
        <div className={props.inline ? 'nhsuk-radios nhsuk-radios--inline' : 'nhsuk-radios'}>
          {choices.map((choice, index) => {
            const choiceId = index === 0 ? id : `${id}-${index + 1}`;
            return (
              <div className="nhsuk-radios__item" key={choice.value}>
                <input
                  className="nhsuk-radios__input"
                  id={choiceId}
                  name={path}
                  type="radio"
                  value={choice.value}
                  checked={value === choice.value}
                  onChange={() => onChange(choice.value)}
                  aria-describedby={choice.hint ? `${choiceId}-item-hint` : undefined}
                />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={choiceId}>
                  {choice.label}
                </label>
                {choice.hint && (
                  <div className="nhsuk-hint nhsuk-radios__hint" id={`${choiceId}-item-hint`}>
                    {choice.hint}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** A form's submit button (and any secondary actions beside it). */
export function ButtonGroup({ children }: { children: ReactNode }) {
  return <div className="nhsuk-button-group">{children}</div>;
}

interface ConfirmCheckboxProps {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Said (and announced) when the person went on without ticking it. */
  error: string | null;
}

/** The one box a person ticks to confirm something that cannot be undone, with its error. */
export function ConfirmCheckbox({ id, label, checked, onChange, error }: ConfirmCheckboxProps) {
  return (
    <div className={groupClass(error ?? undefined)}>
      {error && (
        <p className="nhsuk-error-message" id={`${id}-error`} role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </p>
      )}
      <div className="nhsuk-checkboxes">
        <div className="nhsuk-checkboxes__item">
          <input
            className="nhsuk-checkboxes__input"
            id={id}
            type="checkbox"
            checked={checked}
            onChange={(event) => onChange(event.target.checked)}
            {...(error ? { 'aria-describedby': `${id}-error` } : {})}
          />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
        </div>
      </div>
    </div>
  );
}

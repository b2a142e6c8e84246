import { useRef, useState } from 'react';

interface CopyFieldProps {
  /** The element id of the read-only field. */
  id: string;
  label: string;
  value: string;
  hint?: string;
}

type CopyState = 'idle' | 'copied' | 'select';

/**
 * A link to pass on: a read-only field that always shows it (so it can be copied by hand or
 * read aloud) and a Copy button. When the browser refuses clipboard access the text is selected
 * and the page says how to copy it.
 */
export function CopyField({ id, label, value, hint }: CopyFieldProps) {
  const input = useRef<HTMLInputElement | null>(null);
  const [state, setState] = useState<CopyState>('idle');

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      input.current?.focus();
      input.current?.select();
      setState('select');
    }
  };

  return (
    <div className="nhsuk-form-group app-copy-field">
      <label className="nhsuk-label nhsuk-label--s" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      <div className="app-copy-field__row">
        <input
          ref={input}
          className="nhsuk-input app-copy-field__input"
          id={id}
          type="text"
          readOnly
          value={value}
          spellCheck={false}
          onFocus={(event) => event.target.select()}
          aria-describedby={hint ? `${id}-hint` : undefined}
        />
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-copy-field__button"
          onClick={() => void copy()}
        >
          Copy<span className="nhsuk-u-visually-hidden"> {label.toLowerCase()}</span>
        </button>
      </div>
      <p className="nhsuk-body-s app-copy-field__status" role="status" aria-live="polite">
        {state === 'copied' && 'Copied. You can paste it into an email or message.'}
        {state === 'select' &&
          'Your browser did not let us copy it. The link is selected: press Ctrl and C (or Command and C) to copy it.'}
      </p>
    </div>
  );
}

import { useRef, useState } from 'react';
import { copyOrSelect } from './copy-text';

interface CopyFieldProps {
  /** The element id of the read-only field. */
  id: string;
  label: string;
  value: string;
  hint?: string;
  /**
   * Where several links are shown together, only the one copied last may say "Copied": the
   * parent tells each field whether it is that one, and hears of every copy.
   */
  lastCopied?: boolean;
  onCopy?: () => void;
}

/** What happened to which text: a message belongs to exactly the value it was about. */
type CopyState = { kind: 'idle' } | { kind: 'copied' | 'select'; value: string };

/**
 * A link to pass on: a read-only field that always shows it (so it can be copied by hand or
 * read aloud) and a Copy button. When the browser refuses clipboard access the text is selected
 * and the page says how to copy it. "Copied" is shown only while the field still holds the text
 * that was copied: a new link in the same field clears it.
 */
export function CopyField({ id, label, value, hint, lastCopied = true, onCopy }: CopyFieldProps) {
  const input = useRef<HTMLInputElement | null>(null);
  const [state, setState] = useState<CopyState>({ kind: 'idle' });
  const shown = state.kind !== 'idle' && state.value === value && lastCopied ? state.kind : 'idle';

  const copy = async (): Promise<void> => {
    onCopy?.();
    setState({ kind: await copyOrSelect(value, input.current), value });
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
        {shown === 'copied' && 'Copied. You can paste it into an email or message.'}
        {shown === 'select' &&
          'Your browser did not let us copy it. The link is selected: press Ctrl and C (or Command and C) to copy it.'}
      </p>
    </div>
  );
}

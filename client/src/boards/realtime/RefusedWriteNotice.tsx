import type { WriteRefusedNotice } from '@setboard/shared';
import { useRef, useState } from 'react';

interface RefusedWriteNoticeProps {
  notice: WriteRefusedNotice;
  /** Makes the ids of the notice's parts unique on the page. */
  id: string;
  onDismiss: () => void;
}

type CopyState = 'idle' | 'copied' | 'select';

/** The reasons once each, in the order the server gave them. */
export function distinctReasons(notice: WriteRefusedNotice): string[] {
  return [...new Set(notice.reasons)];
}

/**
 * The server undid part of a change (it was not this person's to make, or not now): why, and
 * what they typed, in a read-only box with a Copy button, so nothing they wrote is lost.
 */
export function RefusedWriteNotice({ notice, id, onDismiss }: RefusedWriteNoticeProps) {
  const textarea = useRef<HTMLTextAreaElement | null>(null);
  const [copy, setCopy] = useState<CopyState>('idle');
  const textId = `${id}-text`;

  const copyText = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(notice.text);
      setCopy('copied');
    } catch {
      textarea.current?.focus();
      textarea.current?.select();
      setCopy('select');
    }
  };

  return (
    <div
      className="nhsuk-card nhsuk-card--warning app-refused-notice"
      role="alert"
      data-testid="refused-write"
    >
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading nhsuk-heading-s">
          <span className="nhsuk-u-visually-hidden">Important: </span>Part of your change was not
          saved
        </h2>
        <ul className="nhsuk-list nhsuk-list--bullet">
          {distinctReasons(notice).map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
        {notice.text !== '' && (
          <div className="nhsuk-form-group">
            <label className="nhsuk-label nhsuk-label--s" htmlFor={textId}>
              What you typed, so you can keep it
            </label>
            <textarea
              ref={textarea}
              className="nhsuk-textarea app-refused-notice__text"
              id={textId}
              rows={Math.min(6, notice.text.split('\n').length + 1)}
              readOnly
              value={notice.text}
              onFocus={(event) => event.target.select()}
            />
            <p className="nhsuk-body-s app-copy-field__status" role="status" aria-live="polite">
              {copy === 'copied' && 'Copied. You can paste it somewhere you can write.'}
              {copy === 'select' &&
                'Your browser did not let us copy it. The text is selected: press Ctrl and C (or Command and C) to copy it.'}
            </p>
          </div>
        )}
        <div className="nhsuk-button-group">
          {notice.text !== '' && (
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
              onClick={() => void copyText()}
            >
              Copy what you typed
            </button>
          )}
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
            onClick={onDismiss}
          >
            Dismiss<span className="nhsuk-u-visually-hidden"> this message</span>
          </button>
        </div>
      </div>
    </div>
  );
}

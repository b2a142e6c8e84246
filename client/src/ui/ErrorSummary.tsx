import { type MouseEvent, useEffect, useRef } from 'react';
import type { SummaryItem } from './form-errors';

interface ErrorSummaryProps {
  items: readonly SummaryItem[];
  /** Changes on every failed submit, so the summary takes focus again each time. */
  attempt: number;
}

/**
 * NHS.UK error summary: shown at the top of a form after a failed submit, focused so screen
 * readers announce it, each message a link to its field.
 */
export function ErrorSummary({ items, attempt }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);

  if (items.length === 0) return null;
  return (
    <div className="nhsuk-error-summary" tabIndex={-1} ref={ref} data-testid="error-summary">
      <div role="alert">
        <h2 className="nhsuk-error-summary__heading">There is a problem</h2>
        <div className="nhsuk-error-summary__body">
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {items.map(({ fieldId, message }) => (
              <li key={`${fieldId ?? ''}:${message}`}>
                {fieldId === null ? (
                  message
                ) : (
                  <a href={`#${fieldId}`} onClick={(event) => focusField(event, fieldId)}>
                    {message}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/**
 * Moves focus to the field, as NHS.UK frontend's script does. The default jump would replace
 * the address's fragment, which on link pages still holds the token.
 */
function focusField(event: MouseEvent<HTMLAnchorElement>, id: string): void {
  event.preventDefault();
  const field = document.getElementById(id);
  if (!field) return;
  const group = field.closest('fieldset') ?? field.closest('.nhsuk-form-group');
  group?.scrollIntoView();
  field.focus({ preventScroll: Boolean(group) });
}

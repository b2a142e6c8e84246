import { type ReactNode, useEffect, useRef } from 'react';

interface ConfirmStepProps {
  heading: string;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
  /** 'warning' for what cannot be undone; 'plain' for a choice worth a second look. */
  tone?: 'warning' | 'plain';
}

/**
 * The step before something that cannot be undone or that gives power away: what it means, and
 * a way back. Focus moves to its heading so a screen reader hears the question first.
 */
export function ConfirmStep({ tone = 'warning', ...props }: ConfirmStepProps) {
  const heading = useRef<HTMLHeadingElement | null>(null);
  useEffect(() => heading.current?.focus(), []);
  const cardClass = tone === 'warning' ? 'nhsuk-card nhsuk-card--warning' : 'nhsuk-card';
  const confirmClass = tone === 'warning' ? 'nhsuk-button nhsuk-button--warning' : 'nhsuk-button';
  return (
    <div className={`${cardClass} app-confirm-step`} data-testid={props.testId}>
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-s" tabIndex={-1} ref={heading}>
          {props.heading}
        </h3>
        {props.children}
        <div className="nhsuk-button-group">
          <button
            type="button"
            className={`${confirmClass} nhsuk-button--small`}
            onClick={props.onConfirm}
            disabled={props.busy}
          >
            {props.confirmLabel}
          </button>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
            onClick={props.onCancel}
          >
            {props.cancelLabel}
          </button>
        </div>
      </div>
    </div>
  );
}

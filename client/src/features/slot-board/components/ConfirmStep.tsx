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
}

/** The step before something that cannot be undone: what it means, and a way back. */
export function ConfirmStep(props: ConfirmStepProps) {
  const heading = useRef<HTMLHeadingElement | null>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="nhsuk-card nhsuk-card--warning app-confirm-step" data-testid={props.testId}>
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-s" tabIndex={-1} ref={heading}>
          {props.heading}
        </h3>
        {props.children}
        <div className="nhsuk-button-group">
          <button
            type="button"
            className="nhsuk-button nhsuk-button--warning nhsuk-button--small"
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

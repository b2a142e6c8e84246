import { type ReactNode, type Ref, useId } from 'react';
import '../ui/controls.css';
import type { ControlStatus } from './control-reasons';

interface CommandButtonProps {
  /** The button's words; may include visually hidden text naming what it acts on. */
  children: ReactNode;
  status: ControlStatus;
  /** A command is on its way: the control waits, without a reason to show. */
  busy: boolean;
  /** Not needed by a form's submit button: the form's submit handler acts. */
  onPress?: () => void;
  /** Submits its form (Enter in a field does too; the form checks the status again). */
  submit?: boolean;
  variant?: 'primary' | 'secondary' | 'warning';
  small?: boolean;
  /** Extra attributes tests and focus management use to find the button. */
  data?: Record<`data-${string}`, string>;
  buttonRef?: Ref<HTMLButtonElement>;
}

const VARIANT_CLASS = {
  primary: '',
  secondary: ' nhsuk-button--secondary',
  warning: ' nhsuk-button--warning',
} as const;

/**
 * A meeting control that stays in the tab order when it cannot be used now: `aria-disabled`
 * instead of `disabled` (which would drop it from keyboard reach and lose focus when it changes),
 * with the reason beside it as hint text tied by `aria-describedby`.
 */
export function CommandButton({
  children,
  status,
  busy,
  onPress,
  submit = false,
  variant = 'secondary',
  small = false,
  data,
  buttonRef,
}: CommandButtonProps) {
  const reasonId = useId();
  const unavailable = busy || !status.enabled;
  const reason = status.enabled ? null : status.reason;
  return (
    <div className="app-control">
      <button
        ref={buttonRef}
        type={submit ? 'submit' : 'button'}
        className={`nhsuk-button${VARIANT_CLASS[variant]}${small ? ' nhsuk-button--small' : ''}`}
        aria-disabled={unavailable ? true : undefined}
        aria-describedby={reason ? reasonId : undefined}
        onClick={(event) => {
          if (unavailable) event.preventDefault();
          else onPress?.();
        }}
        {...data}
      >
        {children}
      </button>
      {reason && (
        <p className="nhsuk-hint app-control__reason" id={reasonId}>
          {reason}
        </p>
      )}
    </div>
  );
}

import type { Membership } from '@setboard/shared';
import { useEffect, useRef } from 'react';

interface RemoveMemberConfirmProps {
  member: Membership;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The step before removing someone: what it means, and a way back. */
export function RemoveMemberConfirm({
  member,
  busy,
  onConfirm,
  onCancel,
}: RemoveMemberConfirmProps) {
  const heading = useRef<HTMLHeadingElement | null>(null);
  useEffect(() => heading.current?.focus(), []);
  const name = member.person.name;
  return (
    <div className="nhsuk-card nhsuk-card--warning" data-testid="remove-confirm">
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading" tabIndex={-1} ref={heading}>
          Remove {name} from the set?
        </h3>
        <p className="nhsuk-body">
          {name} will lose access to the set at once, on every device, including its notes. They
          stay listed as a former member, for the record of attendance.
        </p>
        <p className="nhsuk-body">To bring them back, send them a new invitation.</p>
        <div className="nhsuk-button-group">
          <button
            type="button"
            className="nhsuk-button nhsuk-button--warning"
            onClick={onConfirm}
            disabled={busy}
          >
            Yes, remove {name}
          </button>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
            No, keep {name}
          </button>
        </div>
      </div>
    </div>
  );
}

import './editor.css';
import type { FieldAccess } from '../realtime/board-context';

/** The different reasons, in order, why this person cannot write some of a section's fields. */
export function lockReasons(accesses: readonly FieldAccess[]): string[] {
  const reasons: string[] = [];
  for (const access of accesses) {
    if (!access.editable && !reasons.includes(access.reason)) reasons.push(access.reason);
  }
  return reasons;
}

interface SectionLockNoticeProps {
  /** The notice's id: each locked field in the section points to it (aria-describedby). */
  id: string;
  accesses: readonly FieldAccess[];
}

/**
 * Once per section, quietly: why this person cannot write some (or all) of its fields. The
 * fields themselves look read-only and say so to screen readers; repeating the sentence on every
 * card only made it louder.
 */
export function SectionLockNotice({ id, accesses }: SectionLockNoticeProps) {
  const reasons = lockReasons(accesses);
  if (reasons.length === 0) return null;
  const all = accesses.every((access) => !access.editable);
  return (
    <p className="nhsuk-body-s app-section-lock" id={id} data-testid="section-lock">
      {all ? 'You cannot write here. ' : 'Some of this is read-only for you. '}
      {reasons.join(' ')}
    </p>
  );
}

import '../editor/editor.css';

/**
 * Why a part of a board cannot be changed now: the reason the write rules give, said once and
 * quietly (the same look as a section's `SectionLockNotice`), as information, not an error.
 */
export function LockedNote({ reason, testId }: { reason: string; testId?: string }) {
  return (
    <p className="nhsuk-body-s app-section-lock" data-testid={testId ?? 'locked-reason'}>
      {reason}
    </p>
  );
}

/**
 * Why a part of a board cannot be changed now: the reason the write rules give, in an inset so
 * it reads as information, not an error.
 */
export function LockedNote({ reason, testId }: { reason: string; testId?: string }) {
  return (
    <div className="nhsuk-inset-text app-locked-note" data-testid={testId ?? 'locked-reason'}>
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>{reason}</p>
    </div>
  );
}

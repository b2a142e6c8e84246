import type { ClockOffset as ClockOffsetState } from '../hooks/use-clock-offset';

/**
 * Says how far apart the clocks are. The midpoint estimate can be wrong by up to half the
 * round trip, so a smaller offset is reported as a match rather than as a spurious difference.
 */
function describeOffset(offsetMs: number, roundTripMs: number): string {
  const uncertaintyMs = Math.max(1, Math.ceil(roundTripMs / 2));
  if (Math.abs(offsetMs) <= uncertaintyMs) {
    return `The server’s clock matches this device’s, to within ${uncertaintyMs} ms.`;
  }
  const direction = offsetMs > 0 ? 'ahead of' : 'behind';
  return `The server’s clock is ${Math.abs(Math.round(offsetMs))} ms ${direction} this device’s (give or take ${uncertaintyMs} ms).`;
}

/** Shows the measured clock offset: proof that typed commands and acks work from the browser. */
export function ClockOffset({ offset }: { offset: ClockOffsetState }) {
  let text: string;
  if (offset.kind === 'measuring') text = 'Checking the server’s clock…';
  else if (offset.kind === 'failed') text = 'Could not check the server’s clock.';
  else text = describeOffset(offset.offsetMs, offset.roundTripMs);
  return (
    <p
      className="nhsuk-body-s nhsuk-u-secondary-text-colour"
      data-testid="clock-offset"
      data-state={offset.kind}
    >
      {text}
    </p>
  );
}

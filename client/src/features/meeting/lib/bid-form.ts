/**
 * The bid form's checks, with messages in the NHS.UK style ("Enter…"), before anything is sent.
 * The limits are the reducer's (`bid:place`): a one-line synopsis of at most 200 characters and
 * 5 to 90 minutes. Under equal time the minutes are the set's standard slot and are not asked.
 */
import type { MeetingCommand } from '@setboard/shared';

export const SYNOPSIS_MAX_CHARS = 200;
export const BID_MIN_MINUTES = 5;
export const BID_MAX_MINUTES = 90;
/** Breaks the facilitator may call, as the reducer allows (`break:start`). */
export const BREAK_MIN_MINUTES = 1;
export const BREAK_MAX_MINUTES = 60;

export interface BidInput {
  synopsis: string;
  /** As typed; ignored under equal time. */
  minutes: string;
}

export type BidErrors = Partial<Record<keyof BidInput, string>>;

export type BidCheck =
  | { ok: true; command: Extract<MeetingCommand, { type: 'bid:place' }> }
  | { ok: false; errors: BidErrors };

/** Whole minutes in [min, max] from what was typed, or null. */
export function parseWholeMinutes(typed: string, min: number, max: number): number | null {
  const text = typed.trim();
  if (!/^\d{1,3}$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

function synopsisError(synopsis: string): string | undefined {
  if (synopsis.length === 0) return 'Enter a one-line synopsis of the issue you want to bring';
  if (synopsis.length > SYNOPSIS_MAX_CHARS) {
    const over = synopsis.length - SYNOPSIS_MAX_CHARS;
    return `Synopsis must be ${SYNOPSIS_MAX_CHARS} characters or fewer (you have ${over} too many)`;
  }
  return undefined;
}

/** Checks a bid; under equal time the set's `slotMinutes` are used instead of the typed ones. */
export function checkBid(input: BidInput, equalTimeMinutes: number | null): BidCheck {
  // One line: pasted line breaks become spaces rather than an error.
  const synopsis = input.synopsis.replace(/\s+/g, ' ').trim();
  const errors: BidErrors = {};
  const synopsisProblem = synopsisError(synopsis);
  if (synopsisProblem) errors.synopsis = synopsisProblem;
  const minutes =
    equalTimeMinutes ?? parseWholeMinutes(input.minutes, BID_MIN_MINUTES, BID_MAX_MINUTES);
  if (minutes === null) {
    errors.minutes = `Enter the minutes you want as a whole number from ${BID_MIN_MINUTES} to ${BID_MAX_MINUTES}`;
  }
  if (errors.synopsis || errors.minutes || minutes === null) return { ok: false, errors };
  return { ok: true, command: { type: 'bid:place', synopsis, minutes } };
}

/** A break's length from what was typed, or a message. */
export function checkBreakMinutes(
  typed: string,
): { ok: true; minutes: number } | { ok: false; error: string } {
  const minutes = parseWholeMinutes(typed, BREAK_MIN_MINUTES, BREAK_MAX_MINUTES);
  return minutes === null
    ? {
        ok: false,
        error: `Enter the break’s length as a whole number of minutes from ${BREAK_MIN_MINUTES} to ${BREAK_MAX_MINUTES}`,
      }
    : { ok: true, minutes };
}

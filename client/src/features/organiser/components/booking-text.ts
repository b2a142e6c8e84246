import type { BookingClosedReason } from '@setboard/shared';

/** Why a set takes no bookings now, as a short tag. */
export const CLOSED_REASONS: Record<BookingClosedReason, string> = {
  closed_by_organiser: 'Not taking bookings',
  full: 'Full',
  past_closing_date: 'Closing date passed',
};

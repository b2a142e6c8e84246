/**
 * Booking rules (docs/bookings.md): when a booking page takes applications, how many places are
 * left, and what each applicant would do to the set's mix. The mix itself is the one check in
 * `composition.ts`; here it is only asked "before" and "after".
 */
import type { BookingClosedReason } from '../protocol/api/bookings.js';
import type { CompositionWarning, SizeLimits } from '../protocol/api/sets.js';
import { compositionWarnings, type CompositionMember } from './composition.js';

/** Places left: the set's largest size less its members and confirmed applicants not yet joined. */
export function placesLeft(limits: SizeLimits, membersAndConfirmed: number): number {
  return Math.max(0, limits.max - membersAndConfirmed);
}

/** Why a booking page does not take applications at `today` (London date), or null if it does. */
export function bookingClosedReason(
  page: { open: boolean; closesOn: string | null },
  places: number,
  today: string,
): BookingClosedReason | null {
  if (!page.open) return 'closed_by_organiser';
  if (places <= 0) return 'full';
  if (page.closesOn !== null && today > page.closesOn) return 'past_closing_date';
  return null;
}

/** Applicant details the mix check needs. */
export interface MixApplicant {
  id: string;
  name: string;
  organisation: string;
  band: CompositionMember['band'];
}

const sameTrust = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * What confirming `applicant` would add to the mix of `current` (members, facilitator and
 * confirmed applicants), plus a note of other open applicants from the same organisation.
 * Warnings the set has already are not repeated; a size warning that goes away is not news.
 */
export function applicantMixWarnings(
  current: readonly CompositionMember[],
  applicant: MixApplicant,
  others: readonly MixApplicant[],
  limits: SizeLimits,
): CompositionWarning[] {
  const before = new Set(compositionWarnings([...current], limits).map((w) => w.message));
  const after = compositionWarnings(
    [
      ...current,
      {
        name: applicant.name,
        organisation: applicant.organisation,
        band: applicant.band,
        role: 'member',
      },
    ],
    limits,
  ).filter((warning) => warning.kind !== 'too_small' && warning.kind !== 'no_facilitator');
  const added = after.filter((warning) => !before.has(warning.message));
  const sharing = others.filter(
    (other) => other.id !== applicant.id && sameTrust(other.organisation, applicant.organisation),
  );
  if (sharing.length === 0) return added;
  return [
    ...added,
    {
      kind: 'same_organisation',
      message: `Also applying from ${applicant.organisation}: ${sharing.map((other) => other.name).join(', ')}.`,
    },
  ];
}

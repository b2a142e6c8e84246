/**
 * What bookings keep (docs/bookings.md). A set's booking page lives under the set's id; each
 * application in `bookings.<setId>`; secrets only as hashes, pointing back to what they open.
 */
import type { ApplicationStatus, Band, BookingMessage } from '@setboard/shared';

export interface BookingPageRecord {
  setId: string;
  /** In the public address `/book/<code>`. */
  code: string;
  open: boolean;
  listed: boolean;
  closesOn: string | null;
  commitment: string;
  updatedBy: string;
  updatedAt: number;
}

export interface ApplicationRecord {
  id: string;
  setId: string;
  name: string;
  organisation: string;
  jobTitle: string;
  band: Band;
  hopes: string;
  email: string;
  status: ApplicationStatus;
  messages: BookingMessage[];
  decisionMessage: string;
  /** Who confirmed or declined, and when. */
  decidedBy: string | null;
  decidedAt: number | null;
  /** The invitation made on confirming (replaced when the applicant asks for a fresh link). */
  invitationLinkId: string | null;
  statusTokenHash: string;
  createdAt: number;
}

export const BookingCollection = {
  /** Set id → its booking page. */
  pages: 'booking-pages',
  /** Booking code → `{ setId }`. */
  codes: 'booking-codes',
  applications: (setId: string) => `bookings.${setId}`,
  /** Hash of a status token → `{ setId, applicationId }`. */
  statusTokens: 'booking-status-tokens',
} as const;

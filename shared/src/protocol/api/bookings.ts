/**
 * Booking a place in a set (docs/bookings.md): the public booking page, an applicant's private
 * status page, and the organiser's view of applications beside the set's mix.
 */
import { z } from 'zod';
import { EntityId, IsoDate, LinkToken, requiredText } from './common.js';
import { Band } from './people.js';
import { CompositionWarning, MeetingPlan } from './sets.js';

/** What the booking page asks of everyone unless the organiser words it differently. */
export const DEFAULT_COMMITMENT = 'Able to attend all of the planned dates.';

/** Why a booking page takes no applications now. */
export const BookingClosedReason = z.enum(['closed_by_organiser', 'full', 'past_closing_date']);
export type BookingClosedReason = z.infer<typeof BookingClosedReason>;

/** A booking page's code: in its public address `/book/<code>`; unguessable, like an id. */
export const BookingCode = EntityId;

/** `PATCH /api/sets/:setId/bookings`: open, close or change the set's booking page. */
export const BookingSettingsRequest = z.strictObject({
  open: z.boolean(),
  /** Also listed on the public page `/book` (otherwise only people given the link find it). */
  listed: z.boolean().default(false),
  /** The last day applications are taken (London), or null to take them until the set is full. */
  closesOn: IsoDate.nullable().default(null),
  commitment: requiredText('the commitment asked', 300).default(DEFAULT_COMMITMENT),
});
export type BookingSettingsRequest = z.input<typeof BookingSettingsRequest>;

/** `POST /api/bookings/:code/applications`: nothing here is shown to any other applicant. */
export const BookingApplicationRequest = z.strictObject({
  name: requiredText('your name', 100),
  organisation: requiredText('your Trust or organisation', 150),
  jobTitle: requiredText('your job title', 150),
  band: Band,
  hopes: requiredText('what you hope to bring and gain', 1000),
  email: z.email('Enter an email address like name@nhs.net').max(254),
  canCommit: z.literal(true, 'Confirm that you can commit to the dates'),
});
export type BookingApplicationRequest = z.input<typeof BookingApplicationRequest>;

/** The public booking page (`GET /api/bookings/:code`). */
export const BookingPageView = z.object({
  code: BookingCode,
  setName: z.string(),
  purpose: z.string(),
  meetings: z.array(MeetingPlan),
  commitment: z.string(),
  closesOn: IsoDate.nullable(),
  open: z.boolean(),
  closedReason: BookingClosedReason.nullable(),
  placesLeft: z.number().int(),
});
export type BookingPageView = z.infer<typeof BookingPageView>;

/** `GET /api/bookings`: the open booking pages their organisers chose to list. */
export const ListedBookings = z.object({ pages: z.array(BookingPageView) });
export type ListedBookings = z.infer<typeof ListedBookings>;

/** The answer to applying: the private status address, shown once (and e-mailed if possible). */
export const BookingApplied = z.object({ statusUrl: z.url() });
export type BookingApplied = z.infer<typeof BookingApplied>;

export const ApplicationStatus = z.enum(['received', 'question', 'confirmed', 'declined']);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

/** A question from the organiser, or an applicant's answer. */
export const BookingMessage = z.object({
  from: z.enum(['organiser', 'applicant']),
  text: z.string(),
  at: z.number(),
});
export type BookingMessage = z.infer<typeof BookingMessage>;

/** `POST /api/booking-status`: an applicant's own status page (their own details only). */
export const ApplicationStatusView = z.object({
  setName: z.string(),
  meetings: z.array(MeetingPlan),
  name: z.string(),
  status: ApplicationStatus,
  messages: z.array(BookingMessage),
  /** The organiser's message with a decline (or a confirmation). */
  decisionMessage: z.string(),
  appliedAt: z.number(),
  /** Once confirmed: whether the invitation has been accepted. */
  joined: z.boolean(),
});
export type ApplicationStatusView = z.infer<typeof ApplicationStatusView>;

/** `POST /api/booking-status/answer`. */
export const BookingAnswerRequest = z.strictObject({
  token: LinkToken,
  text: requiredText('your answer', 1000),
});
export type BookingAnswerRequest = z.input<typeof BookingAnswerRequest>;

/** `POST /api/booking-status/invitation`: a fresh invitation link for a confirmed applicant. */
export const BookingInvitation = z.object({ url: z.url() });
export type BookingInvitation = z.infer<typeof BookingInvitation>;

/** An application as the set's organiser and facilitator see it, with its effect on the mix. */
export const ApplicationView = z.object({
  id: EntityId,
  name: z.string(),
  organisation: z.string(),
  jobTitle: z.string(),
  band: Band,
  hopes: z.string(),
  email: z.string(),
  status: ApplicationStatus,
  messages: z.array(BookingMessage),
  decisionMessage: z.string(),
  appliedAt: z.number(),
  joined: z.boolean(),
  /** What confirming this applicant would add to the mix, and shared Trusts with others. */
  mixWarnings: z.array(CompositionWarning),
});
export type ApplicationView = z.infer<typeof ApplicationView>;

/** `GET /api/sets/:setId/bookings`. */
export const SetBookings = z.object({
  setName: z.string(),
  settings: z
    .object({
      open: z.boolean(),
      listed: z.boolean(),
      closesOn: IsoDate.nullable(),
      commitment: z.string(),
      /** The public address to share. */
      url: z.url(),
    })
    .nullable(),
  /** Whether it takes applications right now, and if not why. */
  closedReason: BookingClosedReason.nullable(),
  placesLeft: z.number().int(),
  /** The set's mix now (members, and confirmed applicants not yet joined). */
  mix: z.array(CompositionWarning),
  applications: z.array(ApplicationView),
});
export type SetBookings = z.infer<typeof SetBookings>;

/** `POST /api/sets/:setId/bookings/:applicationId/questions`. */
export const BookingQuestionRequest = z.strictObject({
  text: requiredText('your question', 1000),
});
export type BookingQuestionRequest = z.input<typeof BookingQuestionRequest>;

/** `POST /api/sets/:setId/bookings/:applicationId/decline`. */
export const BookingDeclineRequest = z.strictObject({
  message: requiredText('a message for the applicant', 1000),
});
export type BookingDeclineRequest = z.input<typeof BookingDeclineRequest>;

/** `POST /api/sets/:setId/bookings/:applicationId/confirm`: the invitation made (and mailed). */
export const BookingConfirmRequest = z.strictObject({
  message: z.string().trim().max(1000).default(''),
});
export type BookingConfirmRequest = z.input<typeof BookingConfirmRequest>;

export const BookingConfirmed = z.object({
  /** The invitation link to pass on (also on the applicant's status page, and mailed). */
  url: z.url(),
  mailed: z.boolean(),
  bookings: SetBookings,
});
export type BookingConfirmed = z.infer<typeof BookingConfirmed>;

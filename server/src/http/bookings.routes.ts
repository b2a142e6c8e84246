/**
 * Booking a place (docs/bookings.md): the public booking page and applications (no account
 * needed, rate-limited per client), the applicant's private status page (its token in the body),
 * and the set's organiser and facilitator deciding.
 */
import type { Request, Response } from 'express';
import { z } from 'zod';
import {
  ApplicationStatusView,
  BookingAnswerRequest,
  BookingApplicationRequest,
  BookingApplied,
  BookingCode,
  BookingConfirmed,
  BookingConfirmRequest,
  BookingDeclineRequest,
  BookingInvitation,
  BookingPageView,
  BookingQuestionRequest,
  BookingSettingsRequest,
  EntityId,
  ListedBookings,
  SetBookings,
  TokenRequest,
} from '@setboard/shared';
import { refuse } from '../access/errors.js';
import type { Bookings } from '../bookings/bookings.js';
import type { RateLimiter } from '../store/store.js';
import { defineRoute } from './route.js';
import { linkOrigin, type RouteDeps } from './route-deps.js';

const CodeParams = z.object({ code: BookingCode });
const SetParams = z.object({ setId: EntityId });
const ApplicationParams = z.object({ setId: EntityId, bookingId: EntityId });

/** Applications per client address; status pages are read more often. */
export const BOOKING_RATE_LIMITS = {
  apply: { points: 10, durationSeconds: 15 * 60 },
  status: { points: 60, durationSeconds: 15 * 60 },
};

export function bookingRoutes(deps: RouteDeps & { bookings: Bookings }) {
  const { bookings, services, publicUrl } = deps;
  const origin = (req: Request) => linkOrigin(req, publicUrl);
  const limiters = {
    apply: services.store.createRateLimiter({
      name: 'booking-apply',
      ...BOOKING_RATE_LIMITS.apply,
    }),
    status: services.store.createRateLimiter({
      name: 'booking-status',
      ...BOOKING_RATE_LIMITS.status,
    }),
  };
  const limit = async (limiter: RateLimiter, req: Request, res: Response) => {
    const verdict = await limiter.consume(req.ip ?? 'unknown');
    if (verdict.allowed) return;
    await services.audit.record({ action: 'rate_limited', detail: 'bookings' });
    res.setHeader('Retry-After', Math.ceil(verdict.retryAfterMs / 1000));
    throw refuse.rateLimited(verdict.retryAfterMs);
  };
  const organiserOnly = (isOrganiser: boolean) => {
    if (!isOrganiser) throw refuse.forbidden('Only an organiser can open or close bookings.');
  };
  return [
    defineRoute({
      method: 'get',
      path: '/api/bookings',
      summary: 'Open booking pages their organisers chose to list',
      policy: 'public',
      reply: ListedBookings,
      handle: async () => ({ pages: await bookings.listed() }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/bookings/:code',
      summary: 'A set’s public booking page: purpose, planned dates, the commitment asked',
      policy: 'public',
      params: CodeParams,
      reply: BookingPageView,
      handle: async ({ params }) => bookings.publicPage(params.code),
    }),
    defineRoute({
      method: 'post',
      path: '/api/bookings/:code/applications',
      summary: 'Book a place (no account needed); answers with the private status address',
      policy: 'public',
      params: CodeParams,
      body: BookingApplicationRequest,
      reply: BookingApplied,
      handle: async ({ params, body, req, res }) => {
        await limit(limiters.apply, req, res);
        return { statusUrl: await bookings.apply(params.code, body, origin(req)) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/booking-status',
      summary: 'An applicant’s own booking status (the token from their status link)',
      policy: 'public',
      body: TokenRequest,
      reply: ApplicationStatusView,
      handle: async ({ body, req, res }) => {
        await limit(limiters.status, req, res);
        return bookings.status(body.token);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/booking-status/answer',
      summary: 'An applicant answers the organiser’s question',
      policy: 'public',
      body: BookingAnswerRequest,
      reply: ApplicationStatusView,
      handle: async ({ body, req, res }) => {
        await limit(limiters.status, req, res);
        return bookings.answer(body.token, body.text);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/booking-status/invitation',
      summary: 'A confirmed applicant’s invitation link (a fresh one; any earlier one stops)',
      policy: 'public',
      body: TokenRequest,
      reply: BookingInvitation,
      handle: async ({ body, req, res }) => {
        await limit(limiters.status, req, res);
        return { url: await bookings.invitation(body.token, origin(req)) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/sets/:setId/bookings',
      summary: 'The set’s booking page and applications, beside the mix check',
      policy: 'set_facilitator_or_organiser',
      params: SetParams,
      reply: SetBookings,
      handle: async ({ set, req }) => bookings.setBookings(set!, origin(req)),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/sets/:setId/bookings',
      summary: 'Open, close or change the set’s booking page (organisers only)',
      policy: 'set_facilitator_or_organiser',
      params: SetParams,
      body: BookingSettingsRequest,
      reply: SetBookings,
      handle: async ({ set, body, person, req }) => {
        organiserOnly(person!.isOrganiser);
        await bookings.configure(set!, body, person!.id);
        return bookings.setBookings(set!, origin(req));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/sets/:setId/bookings/:bookingId/questions',
      summary: 'Ask an applicant a question (on their status page; e-mailed when configured)',
      policy: 'set_facilitator_or_organiser',
      params: ApplicationParams,
      body: BookingQuestionRequest,
      reply: SetBookings,
      handle: async ({ set, params, body, req }) => {
        await bookings.ask(set!, params.bookingId, body.text);
        return bookings.setBookings(set!, origin(req));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/sets/:setId/bookings/:bookingId/confirm',
      summary: 'Confirm a place: makes the invitation (e-mailed when configured)',
      policy: 'set_facilitator_or_organiser',
      params: ApplicationParams,
      body: BookingConfirmRequest,
      reply: BookingConfirmed,
      handle: async ({ set, params, body, person, req }) => {
        const made = await bookings.confirm(
          set!,
          params.bookingId,
          body.message,
          person!.id,
          origin(req),
        );
        return { ...made, bookings: await bookings.setBookings(set!, origin(req)) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/sets/:setId/bookings/:bookingId/decline',
      summary: 'Decline an application with a message (on their status page; e-mailed)',
      policy: 'set_facilitator_or_organiser',
      params: ApplicationParams,
      body: BookingDeclineRequest,
      reply: SetBookings,
      handle: async ({ set, params, body, person, req }) => {
        await bookings.decline(set!, params.bookingId, body.message, person!.id);
        return bookings.setBookings(set!, origin(req));
      },
    }),
  ];
}

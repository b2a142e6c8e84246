/** Who is signed in, the first organiser's set-up, and signing out. */
import { Done, SessionView, SetupRequest } from '@setboard/shared';
import type { Response } from 'express';
import type { SignedIn } from '../access/onboarding.js';
import type { PersonRecord } from '../access/records.js';
import type { AccessServices } from '../access/services.js';
import type { ResolvedSession } from '../access/sessions.js';
import type { RouteDeps } from './route-deps.js';
import { defineRoute } from './route.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';

/** The signed-in person as the client sees them. */
export function sessionPerson(person: PersonRecord): NonNullable<SessionView['person']> {
  const { id, name, organisation, jobTitle, band, bio, isOrganiser } = person;
  return { id, name, organisation, jobTitle, band, bio, isOrganiser };
}

/** The session view: who, whether mail is offered, and the person's own standing. */
export async function viewOfSession(
  services: AccessServices,
  session: ResolvedSession | null,
  setupPending = false,
): Promise<SessionView> {
  return {
    person: session ? sessionPerson(session.person) : null,
    setupPending,
    mailEnabled: services.mailer !== null,
    account: session ? await services.accounts.standingOf(session) : null,
  };
}

/** Sets the cookie of a session that has just started and describes it. */
export async function startedSession(
  services: AccessServices,
  res: Response,
  signedIn: SignedIn,
  https: boolean,
): Promise<SessionView> {
  setSessionCookie(res, signedIn.sessionToken, https, signedIn.cookieMaxAgeMs);
  const view = await viewOfSession(services, signedIn);
  return signedIn.recoveryCode ? { ...view, newRecoveryCode: signedIn.recoveryCode } : view;
}

export function sessionRoutes({ services, https }: RouteDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/session',
      summary: 'Who is signed in on this browser, and their ways back in',
      policy: 'public',
      reply: SessionView,
      handle: async ({ session }) =>
        viewOfSession(services, session, await services.onboarding.setupPending()),
    }),
    defineRoute({
      method: 'post',
      path: '/api/setup',
      summary: 'The first organiser signs up with the set-up link printed at start',
      policy: 'public',
      rateLimit: 'setup',
      body: SetupRequest,
      reply: SessionView,
      handle: async ({ body, session, res }) => {
        const signedIn = await services.onboarding.completeSetup(
          body.token,
          body.profile,
          session?.sessionKey ?? null,
        );
        return startedSession(services, res, signedIn, https);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/sign-out',
      summary: 'Ends this browser’s session',
      policy: 'signed_in',
      reply: Done,
      handle: async ({ session, res }) => {
        if (session) {
          await services.sessions.end(session.sessionKey);
          await services.audit.record({ action: 'session.ended', actorId: session.person.id });
        }
        clearSessionCookie(res, https);
        return { done: true as const };
      },
    }),
  ];
}

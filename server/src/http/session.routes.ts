/** Who is signed in, the first organiser's set-up, and signing out. */
import { Done, SessionView, SetupRequest } from '@setboard/shared';
import type { Response } from 'express';
import type { SignedIn } from '../access/onboarding.js';
import type { PersonRecord } from '../access/records.js';
import type { RouteDeps } from './route-deps.js';
import { defineRoute } from './route.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';

/** The signed-in person as the client sees them. */
export function sessionPerson(person: PersonRecord): NonNullable<SessionView['person']> {
  const { id, name, organisation, jobTitle, band, bio, isOrganiser } = person;
  return { id, name, organisation, jobTitle, band, bio, isOrganiser };
}

/** The session view once set-up is done (links exist only then). */
export function sessionViewOf(person: PersonRecord | null): SessionView {
  return { person: person ? sessionPerson(person) : null, setupPending: false };
}

/** Sets the cookie of a session that has just started and describes it. */
export function startedSession(res: Response, signedIn: SignedIn, https: boolean): SessionView {
  setSessionCookie(res, signedIn.sessionToken, https);
  return sessionViewOf(signedIn.person);
}

export function sessionRoutes({ services, https }: RouteDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/session',
      summary: 'Who is signed in on this browser',
      policy: 'public',
      reply: SessionView,
      handle: async ({ person }) => ({
        person: person ? sessionPerson(person) : null,
        setupPending: await services.onboarding.setupPending(),
      }),
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
        return startedSession(res, signedIn, https);
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

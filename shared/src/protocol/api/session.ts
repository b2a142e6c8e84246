import { z } from 'zod';
import { PersonSummary } from './people.js';

/** `GET /api/session`: who is signed in on this browser. */
export const SessionView = z.object({
  person: PersonSummary.extend({ isOrganiser: z.boolean() }).nullable(),
  /** True until the first organiser has used the set-up link. */
  setupPending: z.boolean(),
});
export type SessionView = z.infer<typeof SessionView>;

/** The session cookie's name. */
export const SESSION_COOKIE = 'setboard_session';

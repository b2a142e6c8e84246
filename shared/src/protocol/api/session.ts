import { z } from 'zod';
import { AccountStanding } from './account.js';
import { PersonSummary } from './people.js';

/** `GET /api/session`: who is signed in on this browser. */
export const SessionView = z.object({
  person: PersonSummary.extend({ isOrganiser: z.boolean() }).nullable(),
  /** True until the first organiser has used the set-up link. */
  setupPending: z.boolean(),
  /** Whether this deployment sends mail (SMTP_URL): only then does any page offer e-mail. */
  mailEnabled: z.boolean(),
  /** The signed-in person's ways back in and notices; null when nobody is signed in. */
  account: AccountStanding.nullable(),
  /** A recovery code made just now (on joining); shown once, never again. */
  newRecoveryCode: z.string().optional(),
});
export type SessionView = z.infer<typeof SessionView>;

/** The session cookie's name. */
export const SESSION_COOKIE = 'setboard_session';

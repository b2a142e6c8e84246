/**
 * Passkeys (docs/security.md, "Passkeys"): adding, naming and removing them under "Your account"
 * (each needs a strong sign-in, so a link someone else issued cannot add their own passkey to
 * your account), and "Sign in with a passkey" from the home page, which starts a strong session.
 */
import { z } from 'zod';
import {
  AddPasskeyRequest,
  CeremonyOptions,
  EntityId,
  PasskeySignInRequest,
  PasskeysReply,
  RenamePasskeyRequest,
  SessionView,
} from '@setboard/shared';
import type { Request } from 'express';
import { requireStrongSignIn } from '../access/accounts.js';
import type { RelyingParty } from '../access/passkeys.js';
import { readPerson } from '../access/records.js';
import type { ResolvedSession } from '../access/sessions.js';
import { defineRoute } from './route.js';
import { linkOrigin, type RouteDeps } from './route-deps.js';
import { startedSession, viewOfSession } from './session.routes.js';

const PasskeyParams = z.strictObject({ passkeyId: EntityId });

export function passkeyRoutes({ services, publicUrl, https }: RouteDeps) {
  const { passkeys } = services;
  /** The relying party is this site as the request reached it (or PUBLIC_URL's origin). */
  const relyingParty = (req: Request): RelyingParty => {
    const origin = linkOrigin(req, publicUrl);
    return { origin, rpID: new URL(origin).hostname };
  };
  /** The person's passkeys and their refreshed session view, after a change. */
  const reply = async (session: ResolvedSession) => {
    const person = (await readPerson(services.store, session.person.id)) ?? session.person;
    return {
      passkeys: await passkeys.list(person.id),
      session: await viewOfSession(services, { ...session, person }),
    };
  };
  const strongSession = (session: ResolvedSession | null): ResolvedSession => {
    requireStrongSignIn(session);
    return session!;
  };
  return [
    defineRoute({
      method: 'get',
      path: '/api/account/passkeys',
      summary: 'Your passkeys (needs a strong sign-in)',
      policy: 'signed_in',
      reply: PasskeysReply,
      handle: async ({ session }) => reply(strongSession(session)),
    }),
    defineRoute({
      method: 'post',
      path: '/api/account/passkeys/options',
      summary: 'Begin adding a passkey: options for the browser (needs a strong sign-in)',
      policy: 'signed_in',
      rateLimit: 'passkey',
      reply: CeremonyOptions,
      handle: async ({ session, req }) =>
        passkeys.registrationOptions(strongSession(session).person, relyingParty(req)),
    }),
    defineRoute({
      method: 'post',
      path: '/api/account/passkeys',
      summary: 'Finish adding a passkey with the browser’s reply (needs a strong sign-in)',
      policy: 'signed_in',
      rateLimit: 'passkey',
      body: AddPasskeyRequest,
      reply: PasskeysReply,
      handle: async ({ session, body, req }) => {
        const strong = strongSession(session);
        await passkeys.add(strong.person, body.response, body.name, relyingParty(req));
        return reply(strong);
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/api/account/passkeys/:passkeyId',
      summary: 'Rename one of your passkeys (needs a strong sign-in)',
      policy: 'signed_in',
      params: PasskeyParams,
      body: RenamePasskeyRequest,
      reply: PasskeysReply,
      handle: async ({ session, params, body }) => {
        const strong = strongSession(session);
        await passkeys.rename(strong.person.id, params.passkeyId, body.name);
        return reply(strong);
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/api/account/passkeys/:passkeyId',
      summary:
        'Remove one of your passkeys; refused for your last way back in (needs a strong sign-in)',
      policy: 'signed_in',
      params: PasskeyParams,
      reply: PasskeysReply,
      handle: async ({ session, params }) => {
        const strong = strongSession(session);
        const person = (await readPerson(services.store, strong.person.id)) ?? strong.person;
        await passkeys.remove(person, params.passkeyId);
        return reply(strong);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/sign-in/passkey/options',
      summary: 'Begin signing in with a passkey: options for the browser',
      policy: 'public',
      rateLimit: 'passkey',
      reply: CeremonyOptions,
      handle: async ({ req }) => passkeys.signInOptions(relyingParty(req)),
    }),
    defineRoute({
      method: 'post',
      path: '/api/sign-in/passkey',
      summary: 'Sign in with a passkey (a strong sign-in; the browser’s session id rotates)',
      policy: 'public',
      rateLimit: 'passkey',
      body: PasskeySignInRequest,
      reply: SessionView,
      handle: async ({ session, body, req, res }) => {
        const person = await passkeys.verifySignIn(body.response, relyingParty(req));
        const signedIn = await services.onboarding.signIn(person, session?.sessionKey ?? null);
        return startedSession(services, res, signedIn, https);
      },
    }),
  ];
}

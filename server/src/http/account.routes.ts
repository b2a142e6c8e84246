/**
 * A person's own account (docs/security.md): their e-mail address and recovery code (both need
 * a strong sign-in), proving it is them with the recovery code, acknowledging sign-in notices,
 * "E-mail me a sign-in link", and organisers' sign-in links for other organisers.
 */
import { z } from 'zod';
import {
  CreatedLink,
  CreateOrganiserSignInLinkRequest,
  EmailSignInReply,
  EmailSignInRequest,
  EntityId,
  NewRecoveryCode,
  NoticesSeenRequest,
  OrganiserList,
  SessionView,
  SetEmailRequest,
  UseRecoveryCodeRequest,
} from '@setboard/shared';
import { requireStrongSignIn } from '../access/accounts.js';
import { refuse } from '../access/errors.js';
import { listOrganisers } from '../access/operator.js';
import { readPerson } from '../access/records.js';
import type { ResolvedSession } from '../access/sessions.js';
import { defineRoute } from './route.js';
import { linkOrigin, type RouteDeps } from './route-deps.js';
import { viewOfSession } from './session.routes.js';

const PersonParams = z.strictObject({ personId: EntityId });

export function accountRoutes({ services, publicUrl }: RouteDeps) {
  const { accounts, recoveryCodes } = services;
  const refreshed = async (session: ResolvedSession, strong = session.strong) => {
    const person = (await readPerson(services.store, session.person.id)) ?? session.person;
    return viewOfSession(services, { ...session, person, strong });
  };
  return [
    defineRoute({
      method: 'post',
      path: '/api/account/email',
      summary: 'Set or remove your e-mail address (needs a strong sign-in)',
      policy: 'signed_in',
      body: SetEmailRequest,
      reply: SessionView,
      handle: async ({ session, body }) => {
        requireStrongSignIn(session);
        await accounts.setEmail(session!.person.id, body.email);
        return refreshed(session!);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/account/recovery-code',
      summary: 'Make a new recovery code; the old one stops working (needs a strong sign-in)',
      policy: 'signed_in',
      reply: NewRecoveryCode,
      handle: async ({ session }) => {
        requireStrongSignIn(session);
        return { code: await recoveryCodes.issue(session!.person.id) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/account/recovery-code/use',
      summary: 'Prove it is you with your recovery code (spends it)',
      policy: 'signed_in',
      rateLimit: 'recovery',
      body: UseRecoveryCodeRequest,
      reply: SessionView,
      handle: async ({ session, body }) => {
        if (!(await recoveryCodes.use(session!.person.id, body.code))) {
          throw refuse.invalid([
            { path: 'code', message: 'That recovery code is not right, or it has been used.' },
          ]);
        }
        await services.sessions.strengthen(session!.sessionKey);
        return refreshed(session!, true);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/account/notices/seen',
      summary:
        'Acknowledge notices of sign-ins with links someone else issued (needs a strong sign-in, so whoever used such a link cannot hide it)',
      policy: 'signed_in',
      body: NoticesSeenRequest,
      reply: SessionView,
      handle: async ({ session, body }) => {
        requireStrongSignIn(session);
        await services.notices.markSeen(session!.person.id, body.ids);
        return refreshed(session!);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/sign-in/email',
      summary: 'E-mail me a sign-in link (the same reply whether or not the address is known)',
      policy: 'public',
      rateLimit: 'emailSignIn',
      body: EmailSignInRequest,
      reply: EmailSignInReply,
      handle: async ({ body, req }) => {
        if (!services.emailSignIn) throw refuse.notFound('E-mail sign-in');
        await services.emailSignIn.request(body.email, linkOrigin(req, publicUrl));
        return { sent: true as const };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/organisers',
      summary: 'The other organisers (to issue one a sign-in link)',
      policy: 'organiser',
      reply: OrganiserList,
      handle: async ({ person }) => ({
        organisers: (await listOrganisers(services))
          .filter((organiser) => organiser.id !== person!.id)
          .map(({ id, name, organisation }) => ({ id, name, organisation })),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/organisers/:personId/sign-in-links',
      summary: 'A sign-in link for another organiser',
      policy: 'organiser',
      params: PersonParams,
      body: CreateOrganiserSignInLinkRequest,
      reply: CreatedLink,
      handle: async ({ params, body, person, req }) => {
        const target = await readPerson(services.store, params.personId);
        if (!target?.isOrganiser || target.id === person!.id) {
          throw refuse.notFound('That organiser');
        }
        const made = await services.links.create({
          kind: 'sign_in',
          setId: null,
          personId: target.id,
          createdBy: person!.id,
          expiresInDays: body.expiresInDays,
        });
        return {
          link: await services.links.view(made.link),
          url: services.links.urlFor(linkOrigin(req, publicUrl), 'sign_in', made.token),
        };
      },
    }),
  ];
}

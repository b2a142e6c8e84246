/**
 * Links: invitations to a set or to be an organiser, sign-in links for a new device, and the
 * public routes that inspect and redeem them. Tokens come in request bodies, never URLs.
 */
import { z } from 'zod';
import {
  CreatedLink,
  CreateInvitationRequest,
  CreateOrganiserInvitationRequest,
  CreateSignInLinkRequest,
  EntityId,
  InvitationPreview,
  LinkList,
  LinkView,
  RedeemReply,
  RedeemInvitationRequest,
  SessionView,
  TokenRequest,
} from '@setboard/shared';
import { refuse } from '../access/errors.js';
import { readPerson, type LinkRecord } from '../access/records.js';
import { activeMembersOf, activeRoleIn } from '../access/sets.js';
import { mailInvitation, signInLinkRefusal } from './link-rules.js';
import { defineRoute } from './route.js';
import { linkOrigin, type RouteDeps } from './route-deps.js';
import { startedSession, viewOfSession } from './session.routes.js';

const SetParams = z.object({ setId: EntityId });
const SetLinkParams = z.object({ setId: EntityId, linkId: EntityId });
const LinkParams = z.object({ linkId: EntityId });

export function linkRoutes(deps: RouteDeps) {
  const { services, https, publicUrl } = deps;
  const { links, store } = services;
  const created = async (
    req: Parameters<typeof linkOrigin>[0],
    made: { link: LinkRecord; token: string },
  ) => {
    const url = links.urlFor(linkOrigin(req, publicUrl), made.link.kind, made.token);
    const mailed = await mailInvitation(services, made.link, url);
    return { link: await links.view(made.link), url, ...(mailed ? { mailed } : {}) };
  };
  const listed = async (records: LinkRecord[]) => ({
    links: await Promise.all(records.map((link) => links.view(link))),
  });
  return [
    defineRoute({
      method: 'get',
      path: '/api/sets/:setId/links',
      summary: 'A set’s invitations and sign-in links',
      policy: 'set_facilitator_or_organiser',
      params: SetParams,
      reply: LinkList,
      handle: async ({ params }) => listed(await links.list(params.setId)),
    }),
    defineRoute({
      method: 'post',
      path: '/api/sets/:setId/invitations',
      summary: 'Invite someone to a set (facilitator invitations: organisers only)',
      policy: 'set_facilitator_or_organiser',
      params: SetParams,
      body: CreateInvitationRequest,
      reply: CreatedLink,
      handle: async ({ params, body, person, req }) => {
        if (body.role === 'facilitator' && !person!.isOrganiser) {
          throw refuse.forbidden('Only an organiser can invite a facilitator.');
        }
        return created(
          req,
          await links.create({
            ...body,
            kind: body.role,
            setId: params.setId,
            createdBy: person!.id,
          }),
        );
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/sets/:setId/sign-in-links',
      summary: 'A sign-in link for a member on a new device',
      policy: 'set_facilitator_or_organiser',
      params: SetParams,
      body: CreateSignInLinkRequest,
      reply: CreatedLink,
      handle: async ({ params, body, person, set, req }) => {
        const target = activeRoleIn(set, body.personId);
        if (!target) throw refuse.notFound('That member');
        const refusal = signInLinkRefusal(
          activeRoleIn(set, person!.id),
          target,
          person!.isOrganiser,
        );
        if (refusal || body.personId === person!.id) {
          await services.audit.record({
            action: 'access.denied',
            actorId: person!.id,
            setId: params.setId,
            detail: 'sign_in_link',
          });
          throw refuse.forbidden(refusal ?? 'A sign-in link is for someone else.');
        }
        return created(
          req,
          await links.create({
            kind: 'sign_in',
            setId: params.setId,
            personId: body.personId,
            expiresInDays: body.expiresInDays,
            createdBy: person!.id,
          }),
        );
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/sets/:setId/links/:linkId/revoke',
      summary: 'Withdraw a set’s link that has not been used',
      policy: 'set_facilitator_or_organiser',
      params: SetLinkParams,
      reply: LinkView,
      handle: async ({ params, person }) =>
        links.view(await links.revoke(params.linkId, params.setId, person!.id)),
    }),
    defineRoute({
      method: 'get',
      path: '/api/organiser-links',
      summary: 'Invitations to become an organiser',
      policy: 'organiser',
      reply: LinkList,
      handle: async () => listed(await links.list(null)),
    }),
    defineRoute({
      method: 'post',
      path: '/api/organiser-links',
      summary: 'Invite another organiser',
      policy: 'organiser',
      body: CreateOrganiserInvitationRequest,
      reply: CreatedLink,
      handle: async ({ body, person, req }) =>
        created(
          req,
          await links.create({ ...body, kind: 'organiser', setId: null, createdBy: person!.id }),
        ),
    }),
    defineRoute({
      method: 'post',
      path: '/api/organiser-links/:linkId/revoke',
      summary: 'Withdraw an organiser invitation',
      policy: 'organiser',
      params: LinkParams,
      reply: LinkView,
      handle: async ({ params, person }) =>
        links.view(await links.revoke(params.linkId, null, person!.id)),
    }),
    defineRoute({
      method: 'post',
      path: '/api/links/inspect',
      summary: 'What an invitation is for, before the person decides',
      policy: 'public',
      rateLimit: 'links',
      body: TokenRequest,
      reply: InvitationPreview,
      handle: async ({ body }) => {
        const link = await links.findUsable(body.token, ['member', 'facilitator', 'organiser']);
        const set = link.setId ? await services.sets.get(link.setId) : null;
        const name = async (id: string) => (await readPerson(store, id))?.name ?? null;
        const facilitatorId = set
          ? activeMembersOf(set).find(([, entry]) => entry.role === 'facilitator')?.[0]
          : undefined;
        return {
          kind: link.kind,
          invitedByName: (await name(link.createdBy)) ?? 'An organiser',
          email: link.email,
          set: set && {
            name: set.name,
            purpose: set.purpose,
            meetings: set.meetings,
            groundRules: set.groundRules,
            facilitatorName: facilitatorId ? await name(facilitatorId) : null,
          },
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/links/redeem',
      summary: 'Accept or decline an invitation',
      policy: 'public',
      rateLimit: 'links',
      body: RedeemInvitationRequest,
      reply: RedeemReply,
      handle: async ({ body, session, res }) => {
        if (body.decision === 'decline') {
          await services.onboarding.declineInvitation(body.token);
          return { session: await viewOfSession(services, session), setId: null };
        }
        const { signedIn, setId } = await services.onboarding.acceptInvitation(
          body.token,
          body.profile,
          session,
        );
        return { session: await startedSession(services, res, signedIn, https), setId };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/links/sign-in',
      summary: 'Sign in on a new device with a sign-in link',
      policy: 'public',
      rateLimit: 'links',
      body: TokenRequest,
      reply: SessionView,
      handle: async ({ body, session, res, req }) => {
        const signedIn = await services.onboarding.redeemSignInLink(
          body.token,
          session?.sessionKey ?? null,
          linkOrigin(req, publicUrl),
        );
        return startedSession(services, res, signedIn, https);
      },
    }),
  ];
}

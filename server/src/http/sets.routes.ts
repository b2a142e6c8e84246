/** Sets: the organiser's dashboard, "My sets", a set's page, and changing its membership. */
import { z } from 'zod';
import {
  activeRole,
  CreateSetRequest,
  EntityId,
  SetList,
  SetView,
  UpdateSetRequest,
  type ViewerRole,
} from '@setboard/shared';
import { refuse } from '../access/errors.js';
import type { SetRecord } from '../access/records.js';
import { activeRoleIn } from '../access/sets.js';
import type { RouteContext } from './route.js';
import { defineRoute } from './route.js';
import type { RouteDeps } from './route-deps.js';

const SetParams = z.object({ setId: EntityId });
const MemberParams = z.object({ setId: EntityId, personId: EntityId });

/** Someone in the set sees it as their role; an organiser outside it, as organiser. */
function viewerRole({ standing }: Pick<RouteContext<unknown, unknown>, 'standing'>): ViewerRole {
  return activeRole(standing) ?? 'organiser';
}

function requireSet(set: SetRecord | null): SetRecord {
  if (!set) throw refuse.notFound('That set');
  return set;
}

export function setRoutes({ services }: RouteDeps) {
  const { sets } = services;
  const summaries = async (records: SetRecord[], role: (set: SetRecord) => ViewerRole) => ({
    sets: await Promise.all(records.map((set) => sets.summary(set, role(set)))),
  });
  return [
    defineRoute({
      method: 'get',
      path: '/api/my/sets',
      summary: 'The sets the signed-in person belongs to',
      policy: 'signed_in',
      reply: SetList,
      handle: async ({ person }) =>
        summaries(await sets.ofPerson(person!.id), (set) => set.members[person!.id]!.role),
    }),
    defineRoute({
      method: 'get',
      path: '/api/sets',
      summary: 'Every set (organisers)',
      policy: 'organiser',
      reply: SetList,
      handle: async ({ person }) =>
        summaries(await sets.all(), (set) => {
          return activeRoleIn(set, person!.id) ?? 'organiser';
        }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/sets',
      summary: 'Create a set',
      policy: 'organiser',
      body: CreateSetRequest,
      reply: SetView,
      handle: async ({ body, person }) =>
        sets.view(await sets.create(body, person!.id), 'organiser'),
    }),
    defineRoute({
      method: 'get',
      path: '/api/sets/:setId',
      summary: 'A set’s details, members and dates (never its content)',
      policy: 'set_member_or_organiser',
      params: SetParams,
      reply: SetView,
      handle: async (context) => sets.view(requireSet(context.set), viewerRole(context)),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/sets/:setId',
      summary: 'Change a set’s details, dates or settings',
      policy: 'set_facilitator_or_organiser',
      params: SetParams,
      body: UpdateSetRequest,
      reply: SetView,
      handle: async (context) =>
        sets.view(
          await sets.update(context.params.setId, context.body, context.person!.id),
          viewerRole(context),
        ),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/sets/:setId/members/:personId',
      summary: 'Remove someone from a set; their connections close at once',
      policy: 'set_facilitator_or_organiser',
      params: MemberParams,
      reply: SetView,
      handle: async (context) =>
        sets.view(
          await sets.removeMember(
            context.params.setId,
            context.params.personId,
            context.person!.id,
          ),
          viewerRole(context),
        ),
    }),
    defineRoute({
      method: 'post',
      path: '/api/sets/:setId/facilitation/request',
      summary: 'A member asks to take over facilitation',
      policy: 'set_member_not_facilitator',
      params: SetParams,
      reply: SetView,
      handle: async (context) =>
        sets.view(
          await sets.requestFacilitation(context.params.setId, context.person!.id),
          viewerRole(context),
        ),
    }),
    defineRoute({
      method: 'post',
      path: '/api/sets/:setId/facilitation/grant',
      summary: 'Hand facilitation to a member',
      policy: 'set_facilitator_or_organiser',
      params: SetParams,
      body: z.object({ personId: EntityId }),
      reply: SetView,
      handle: async (context) => {
        const updated = await sets.grantFacilitation(
          context.params.setId,
          context.body.personId,
          context.person!.id,
        );
        return sets.view(updated, activeRoleIn(updated, context.person!.id) ?? 'organiser');
      },
    }),
  ];
}

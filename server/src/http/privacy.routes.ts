/**
 * The record's privacy routes (docs/privacy.md, docs/api.md): download my data, erase my
 * account, leave a set, erase a former member's words, the set's privacy settings, and a doc's
 * rebuild number (Y14).
 */
import { z } from 'zod';
import {
  docAccessRule,
  DocName,
  Done,
  EntityId,
  RepairBoardReply,
  RepairBoardRequest,
} from '@setboard/shared';
import { refuse } from '../access/errors.js';
import { activeRoleIn } from '../access/sets.js';
import { collectMyData, zipMyData } from '../privacy/my-data.js';
import { rebuildNumberOf } from '../privacy/doc-rewrite.js';
import {
  changeSetPrivacy,
  readSetPrivacy,
  SetPrivacy,
  UpdateSetPrivacyRequest,
} from '../privacy/privacy-settings.js';
import { defineRoute, type RouteDefinition } from './route.js';
import type { RouteDeps } from './route-deps.js';
import { clearSessionCookie } from './session-cookie.js';

const SetParams = z.object({ setId: EntityId });
const FormerMemberParams = z.object({ setId: EntityId, personId: EntityId });

export const EraseAccountRequest = z
  .object({
    /** The person ticked "I understand this cannot be undone". */
    confirm: z.literal(true, { message: 'Tick the box to confirm you want your account erased' }),
  })
  .strict();

export const LeaveSetRequest = z
  .object({
    confirm: z.literal(true, { message: 'Tick the box to confirm you want to leave the set' }),
    /** Only asked when the set lets each member choose; otherwise the set's policy decides. */
    words: z.enum(['remove', 'keep']).optional(),
  })
  .strict();

export function privacyRoutes({ services, https, privacy }: RouteDeps): RouteDefinition[] {
  if (!privacy) return [];
  const { erasure, myData, repair } = privacy;
  const { store } = services;
  return [
    defineRoute({
      method: 'get',
      path: '/api/my/data',
      summary: 'Download my data: a zip with everything stored about you (JSON and HTML)',
      policy: 'signed_in',
      reply: z.unknown(),
      handle: async ({ person, res }) => {
        const data = await collectMyData(myData, person!.id);
        await services.audit.record({ action: 'data.downloaded', actorId: person!.id });
        res
          .type('application/zip')
          .attachment('setboard-my-data.zip')
          .send(Buffer.from(zipMyData(data)));
        return null;
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/my/erase',
      summary: 'Erase my account and what I wrote; signs out everywhere',
      policy: 'signed_in',
      body: EraseAccountRequest,
      reply: Done,
      handle: async ({ person, res }) => {
        await erasure.eraseAccount(person!.id);
        clearSessionCookie(res, https);
        return { done: true as const };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/sets/:setId/leave',
      summary: 'Leave the set; what you wrote in shared sections goes or stays by the set’s policy',
      policy: 'set_member_not_facilitator',
      params: SetParams,
      body: LeaveSetRequest,
      reply: Done,
      handle: async ({ set, person, body }) => {
        const { formerMemberWords } = await readSetPrivacy(store, set!.id);
        const policy =
          formerMemberWords === 'member_chooses' ? (body.words ?? 'remove') : formerMemberWords;
        await services.sets.removeMember(set!.id, person!.id, person!.id);
        await erasure.eraseWordsInSet(set!.id, person!.id, policy);
        return { done: true as const };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/sets/:setId/former-members/:personId/erase-words',
      summary: 'Take a removed member’s words out of the set, by the set’s policy',
      policy: 'set_facilitator_or_organiser',
      params: FormerMemberParams,
      reply: Done,
      handle: async ({ set, params }) => {
        if (set!.members[params.personId]?.status !== 'removed') {
          throw refuse.notFound('That former member');
        }
        const { formerMemberWords } = await readSetPrivacy(store, set!.id);
        const policy = formerMemberWords === 'keep' ? 'keep' : 'remove';
        await erasure.eraseWordsInSet(set!.id, params.personId, policy);
        return { done: true as const };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/sets/:setId/privacy',
      summary: 'The set’s privacy settings: former members’ words and retention after close',
      policy: 'set_member_or_organiser',
      params: SetParams,
      reply: SetPrivacy,
      handle: async ({ set }) => readSetPrivacy(store, set!.id),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/sets/:setId/privacy',
      summary: 'Change the set’s privacy settings (retention 1–72 months)',
      policy: 'set_facilitator_or_organiser',
      params: SetParams,
      body: UpdateSetPrivacyRequest,
      reply: SetPrivacy,
      handle: async ({ set, body }) =>
        changeSetPrivacy(store, set!.id, (current) => ({ ...current, ...body })),
    }),
    defineRoute({
      method: 'get',
      path: '/api/boards/:docName/rebuild',
      summary:
        'How many times a board was rebuilt (erasure, repair): a local copy from before is stale',
      policy: 'signed_in',
      params: z.object({ docName: DocName }),
      reply: z.object({ docName: DocName, rebuild: z.number().int().min(0) }),
      handle: async ({ person, params }) => {
        const rule = docAccessRule(params.docName);
        const allowed =
          rule.kind === 'owner'
            ? rule.personId === person!.id
            : rule.kind === 'set' &&
              activeRoleIn(await services.sets.get(rule.setId), person!.id) !== null;
        if (!allowed) throw refuse.notFound('That board');
        return { docName: params.docName, rebuild: await rebuildNumberOf(store, params.docName) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/boards/:docName/repair',
      summary:
        'Rebuild a board from what it holds now (its history of changes goes; Y22): the set’s facilitator, or a learning log’s owner',
      policy: 'signed_in',
      params: z.object({ docName: DocName }),
      body: RepairBoardRequest,
      reply: RepairBoardReply,
      handle: async ({ person, params }) => {
        const repairers = await repair.repairersOf(params.docName);
        if (!repairers.includes(person!.id)) {
          throw refuse.forbidden('Only the set’s facilitator can rebuild its boards.');
        }
        const outcome = await repair.repair(params.docName);
        if (!outcome) throw refuse.notFound('Anything on that board');
        const rule = docAccessRule(params.docName);
        await services.audit.record({
          action: 'board.repaired',
          actorId: person!.id,
          setId: rule.kind === 'set' ? rule.setId : null,
          detail: `${outcome.bytesBefore} → ${outcome.bytesAfter} bytes`,
        });
        return { docName: params.docName, ...outcome };
      },
    }),
  ];
}

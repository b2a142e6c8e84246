/**
 * Every API route is declared with `defineRoute`: method, path, the access policy it needs, and
 * the zod schemas of its params, body and reply. `mountRoutes` runs each request the same way:
 * identify → rate-limit → authorise (policy) → parse → handle → reply. The same declarations
 * generate `/api/openapi.json` and drive the authorisation matrix test [AT-B1].
 */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import {
  activeRole,
  AccessPolicy,
  describeZodIssues,
  ErrorCode,
  isSetPolicy,
  policyAllows,
  type Actor,
  type SetStanding,
} from '@setboard/shared';
import { AccessError, refuse } from '../access/errors.js';
import type { PersonRecord, SetRecord } from '../access/records.js';
import type { AccessServices, RateLimitName } from '../access/services.js';
import type { ResolvedSession } from '../access/sessions.js';
import { standingIn } from '../access/sets.js';
import { readSessionToken } from '../access/session-token.js';
import { enforceRateLimit } from './rate-limit.js';
import { logWithRequest } from './request-logging.js';

export type HttpMethod = 'get' | 'post' | 'patch' | 'delete';

/** What a handler gets: parsed input, who is asking, and (for set routes) the set. */
export interface RouteContext<Params, Body> {
  req: Request;
  res: Response;
  params: Params;
  body: Body;
  session: ResolvedSession | null;
  /** The signed-in person; set for every policy except `public`. */
  person: PersonRecord | null;
  /** For set policies: the set named by `:setId`, already checked. */
  set: SetRecord | null;
  standing: SetStanding;
}

export interface RouteDefinition<
  Params extends z.ZodType = z.ZodType,
  Body extends z.ZodType = z.ZodType,
  Reply extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  /** Express path, e.g. `/api/sets/:setId`. */
  path: string;
  summary: string;
  policy: AccessPolicy;
  params?: Params;
  body?: Body;
  reply: Reply;
  rateLimit?: RateLimitName;
  handle(context: RouteContext<z.output<Params>, z.output<Body>>): Promise<z.input<Reply>>;
}

/** Declares a route. A route without a policy is a programming error and stops start-up. */
export function defineRoute<
  Params extends z.ZodType,
  Body extends z.ZodType,
  Reply extends z.ZodType,
>(definition: RouteDefinition<Params, Body, Reply>): RouteDefinition {
  if (!Object.values(AccessPolicy).includes(definition.policy)) {
    throw new Error(
      `Route ${definition.method.toUpperCase()} ${definition.path} has no access policy`,
    );
  }
  if (isSetPolicy(definition.policy) && !definition.path.includes(':setId')) {
    throw new Error(`Route ${definition.path} has a set policy but no :setId`);
  }
  return definition as unknown as RouteDefinition;
}

export function mountRoutes(routes: readonly RouteDefinition[], services: AccessServices): Router {
  const router = Router();
  for (const route of routes) {
    router[route.method](route.path, async (req, res) => {
      try {
        const context = await prepare(route, req, res, services);
        const reply = await route.handle(context);
        if (!res.headersSent) res.json(reply);
      } catch (error) {
        sendError(res, error);
      }
    });
  }
  return router;
}

async function prepare(
  route: RouteDefinition,
  req: Request,
  res: Response,
  services: AccessServices,
): Promise<RouteContext<unknown, unknown>> {
  const session = await services.sessions.resolve(readSessionToken(req));
  const person = session?.person ?? null;
  if (route.rateLimit) await enforceRateLimit(route.rateLimit, req, res, services, person?.id);
  const actor: Actor = person ? { personId: person.id, isOrganiser: person.isOrganiser } : null;
  const { set, standing } = await authorise(route, req, actor, services);
  return {
    req,
    res,
    session,
    person,
    set,
    standing,
    params: parseOrRefuse(route.params ?? z.object({}), req.params),
    body: parseOrRefuse(route.body ?? z.unknown(), req.body),
  };
}

/**
 * Applies the route's policy. Set routes load the set first; someone with no place in it (and
 * not an organiser) is told it does not exist, so set ids reveal nothing.
 */
async function authorise(
  route: RouteDefinition,
  req: Request,
  actor: Actor,
  services: AccessServices,
): Promise<{ set: SetRecord | null; standing: SetStanding }> {
  if (route.policy !== AccessPolicy.public && actor === null) throw refuse.unauthenticated();
  if (!isSetPolicy(route.policy)) {
    if (!policyAllows(route.policy, actor, null)) throw await denied(services, actor, null, route);
    return { set: null, standing: null };
  }
  const setId = String(req.params.setId ?? '');
  const set = await services.sets.get(setId);
  const standing = set ? standingIn(set, actor?.personId) : null;
  if (!set || !policyAllows(route.policy, actor, standing)) {
    const visible = set !== null && (actor?.isOrganiser || activeRole(standing) !== null);
    throw await denied(services, actor, set?.id ?? null, route, visible);
  }
  return { set, standing };
}

async function denied(
  services: AccessServices,
  actor: Actor,
  setId: string | null,
  route: RouteDefinition,
  visible = true,
): Promise<AccessError> {
  await services.audit.record({
    action: 'access.denied',
    actorId: actor?.personId,
    setId,
    detail: `${route.method.toUpperCase()} ${route.path}`,
  });
  return visible ? refuse.forbidden() : refuse.notFound('That set');
}

function parseOrRefuse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ValidationError(describeZodIssues(parsed.error));
}

class ValidationError extends Error {
  constructor(readonly issues: { path: string; message: string }[]) {
    super('validation');
  }
}

function sendError(res: Response, error: unknown): void {
  if (res.headersSent) return;
  if (error instanceof ValidationError) {
    res.status(400).json({
      error: {
        code: ErrorCode.validation,
        message: 'Some of the details need correcting.',
        issues: error.issues,
      },
    });
    return;
  }
  if (error instanceof AccessError) {
    const { code, message, issues } = error;
    res.status(error.status).json({ error: { code, message, ...(issues ? { issues } : {}) } });
    return;
  }
  logWithRequest(res, error);
  res.status(500).json({
    error: {
      code: ErrorCode.internal,
      message: 'Something went wrong on our side. It has been logged.',
    },
  });
}

/**
 * The access layer, assembled once per app: sessions, links, sets, onboarding and the audit log,
 * all on one Store. HTTP routes, Socket.IO handlers and the /yjs upgrade share it.
 */
import type { Logger } from '../logger.js';
import type { RateLimiter, Store } from '../store/store.js';
import { AuditLog } from './audit-log.js';
import { Links } from './links.js';
import { Onboarding } from './onboarding.js';
import { Sessions } from './sessions.js';
import { Sets, type AccessRevokedListener, type MembershipChangedListener } from './sets.js';

/** Attempts allowed per client address for the token-bearing routes. */
export interface RateLimitSettings {
  points: number;
  durationSeconds: number;
}

export const DEFAULT_RATE_LIMITS = {
  /** Inspecting, redeeming and signing in with links. */
  links: { points: 30, durationSeconds: 15 * 60 },
  /** The set-up link. */
  setup: { points: 10, durationSeconds: 15 * 60 },
} satisfies Record<string, RateLimitSettings>;

export type RateLimitName = keyof typeof DEFAULT_RATE_LIMITS;

export interface AccessServices {
  store: Store;
  now: () => number;
  audit: AuditLog;
  sessions: Sessions;
  links: Links;
  sets: Sets;
  onboarding: Onboarding;
  rateLimiters: Record<RateLimitName, RateLimiter>;
}

export function createAccessServices(deps: {
  store: Store;
  logger: Logger;
  now: () => number;
  rateLimits?: Partial<Record<RateLimitName, RateLimitSettings>>;
  onAccessRevoked: AccessRevokedListener;
  /** Open meetings follow the set's membership (docs/protocol.md, M9). */
  onMembershipChanged?: MembershipChangedListener;
  onSessionEnded: (sessionKey: string) => void;
}): AccessServices {
  const { store, now } = deps;
  const audit = new AuditLog({ store, logger: deps.logger, now });
  const sessions = new Sessions({ store, now, onSessionEnded: deps.onSessionEnded });
  const links = new Links({ store, now, audit });
  const sets = new Sets({
    store,
    now,
    audit,
    onAccessRevoked: deps.onAccessRevoked,
    onMembershipChanged: deps.onMembershipChanged ?? (() => Promise.resolve()),
  });
  const onboarding = new Onboarding({ store, now, audit, links, sets, sessions });
  const limits = { ...DEFAULT_RATE_LIMITS, ...deps.rateLimits };
  const rateLimiters = {
    links: store.createRateLimiter({ name: 'links', ...limits.links }),
    setup: store.createRateLimiter({ name: 'setup', ...limits.setup }),
  };
  return { store, now, audit, sessions, links, sets, onboarding, rateLimiters };
}

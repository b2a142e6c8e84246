/**
 * The access layer, assembled once per app: sessions, links, sets, onboarding and the audit log,
 * all on one Store. HTTP routes, Socket.IO handlers and the /yjs upgrade share it.
 */
import type { Logger } from '../logger.js';
import type { Mailer } from '../mail/mailer.js';
import { Accounts } from './accounts.js';
import { EmailSignIn } from './email-sign-in.js';
import { Passkeys } from './passkeys.js';
import { RecoveryCodes } from './recovery-codes.js';
import { SignInNotices } from './sign-in-notices.js';
import type { RateLimiter, Store } from '../store/store.js';
import { AuditLog } from './audit-log.js';
import { Links } from './links.js';
import { Onboarding } from './onboarding.js';
import { OpenDocAdmissions } from './open-doc-admissions.js';
import { Sessions, type SessionLifetime } from './sessions.js';
import {
  Sets,
  type AccessRevokedListener,
  type MeetingProgressReader,
  type MembershipChangedListener,
} from './sets.js';

/** Attempts allowed per client address (and per token) for the token-bearing routes. */
export interface RateLimitSettings {
  points: number;
  durationSeconds: number;
}

export const DEFAULT_RATE_LIMITS = {
  /** Inspecting, redeeming and signing in with links. */
  links: { points: 30, durationSeconds: 15 * 60 },
  /** The set-up link. */
  setup: { points: 10, durationSeconds: 15 * 60 },
  /** "E-mail me a sign-in link", per client address. */
  emailSignIn: { points: 10, durationSeconds: 60 * 60 },
  /** "E-mail me a sign-in link", per e-mail address (known or not). */
  emailAddress: { points: 3, durationSeconds: 60 * 60 },
  /** Recovery-code attempts. */
  recovery: { points: 10, durationSeconds: 15 * 60 },
  /** Passkey ceremonies (options and replies both count): adding one, or signing in. */
  passkey: { points: 60, durationSeconds: 15 * 60 },
} satisfies Record<string, RateLimitSettings>;

export type RateLimitName = keyof typeof DEFAULT_RATE_LIMITS;

/**
 * Attempts allowed on one token, from any number of addresses: enough for a person opening
 * their link a few times, far too few to hammer one token from many addresses.
 */
export const DEFAULT_TOKEN_RATE_LIMITS = {
  links: { points: 10, durationSeconds: 15 * 60 },
  setup: { points: 10, durationSeconds: 15 * 60 },
  emailSignIn: { points: 10, durationSeconds: 15 * 60 },
  emailAddress: { points: 10, durationSeconds: 15 * 60 },
  recovery: { points: 10, durationSeconds: 15 * 60 },
  passkey: { points: 60, durationSeconds: 15 * 60 },
} satisfies Record<RateLimitName, RateLimitSettings>;

export interface AccessServices {
  store: Store;
  now: () => number;
  audit: AuditLog;
  sessions: Sessions;
  links: Links;
  sets: Sets;
  onboarding: Onboarding;
  /** Per client address. */
  rateLimiters: Record<RateLimitName, RateLimiter>;
  /** Per token presented (keyed by its hash). */
  tokenRateLimiters: Record<RateLimitName, RateLimiter>;
  /** Who this instance let into which documents (the connection sweep re-checks them). */
  docAdmissions: OpenDocAdmissions;
  recoveryCodes: RecoveryCodes;
  notices: SignInNotices;
  accounts: Accounts;
  passkeys: Passkeys;
  /** Set only when the deployment sends mail (SMTP_URL). */
  mailer: Mailer | null;
  /** "E-mail me a sign-in link"; null without mail. */
  emailSignIn: EmailSignIn | null;
}

export function createAccessServices(deps: {
  store: Store;
  logger: Logger;
  now: () => number;
  rateLimits?: Partial<Record<RateLimitName, RateLimitSettings>>;
  tokenRateLimits?: Partial<Record<RateLimitName, RateLimitSettings>>;
  onAccessRevoked: AccessRevokedListener;
  /** Open meetings follow the set's membership (docs/protocol.md, M9). */
  onMembershipChanged?: MembershipChangedListener;
  /** Where each planned meeting stands (default: none opened yet). */
  meetingProgress?: MeetingProgressReader;
  onSessionEnded: (sessionKey: string) => void;
  /** How long sessions last (default: 120 days idle, 400 days at most). */
  sessionLifetime?: SessionLifetime;
  mailer?: Mailer;
}): AccessServices {
  const { store, now } = deps;
  const audit = new AuditLog({ store, logger: deps.logger, now });
  const sessions = new Sessions({
    store,
    now,
    onSessionEnded: deps.onSessionEnded,
    ...(deps.sessionLifetime ? { lifetime: deps.sessionLifetime } : {}),
  });
  const links = new Links({ store, now, audit });
  const sets = new Sets({
    store,
    now,
    audit,
    onAccessRevoked: deps.onAccessRevoked,
    onMembershipChanged: deps.onMembershipChanged ?? (() => Promise.resolve()),
    meetingProgress:
      deps.meetingProgress ??
      ((_setId, count) => Promise.resolve(Array.from({ length: count }, () => 'planned'))),
  });
  const recoveryCodes = new RecoveryCodes({ store, now, audit });
  const notices = new SignInNotices({ store, now });
  const mailer = deps.mailer ?? null;
  const onboarding = new Onboarding({
    store,
    now,
    audit,
    links,
    sets,
    sessions,
    recoveryCodes,
    notices,
    mailer,
    logger: deps.logger,
  });
  const limits = { ...DEFAULT_RATE_LIMITS, ...deps.rateLimits };
  const limiter = (name: RateLimitName) => store.createRateLimiter({ name, ...limits[name] });
  const rateLimiters = {
    links: limiter('links'),
    setup: limiter('setup'),
    emailSignIn: limiter('emailSignIn'),
    emailAddress: limiter('emailAddress'),
    recovery: limiter('recovery'),
    passkey: limiter('passkey'),
  };
  const accounts = new Accounts({ store, audit, recoveryCodes, notices });
  // An override of the address limits (tests racing many requests) applies per token too.
  const perToken = { ...DEFAULT_TOKEN_RATE_LIMITS, ...(deps.tokenRateLimits ?? deps.rateLimits) };
  const tokenLimiter = (name: RateLimitName) =>
    store.createRateLimiter({ name: `${name}-token`, ...perToken[name] });
  const tokenRateLimiters = {
    links: tokenLimiter('links'),
    setup: tokenLimiter('setup'),
    emailSignIn: tokenLimiter('emailSignIn'),
    emailAddress: tokenLimiter('emailAddress'),
    recovery: tokenLimiter('recovery'),
    passkey: tokenLimiter('passkey'),
  };
  return {
    store,
    tokenRateLimiters,
    now,
    audit,
    sessions,
    links,
    sets,
    onboarding,
    rateLimiters,
    docAdmissions: new OpenDocAdmissions(),
    recoveryCodes,
    notices,
    accounts,
    passkeys: new Passkeys({ store, now, audit, mailEnabled: mailer !== null }),
    mailer,
    emailSignIn: mailer
      ? new EmailSignIn({
          store,
          links,
          audit,
          logger: deps.logger,
          mailer,
          perAddress: rateLimiters.emailAddress,
        })
      : null,
  };
}

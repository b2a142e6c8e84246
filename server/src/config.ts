/**
 * The server's configuration schema. Only `main.ts` reads the environment; everything else
 * receives these values as arguments, so tests can build the app with any configuration.
 */
import { z } from 'zod';
import { parseProxyTrust } from './access/proxy-trust.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const ConfigSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    /** Where the SQLite file lives (ignored when REDIS_URL is set). */
    DATA_DIR: z.string().min(1).default('./data'),
    /** When set, the Redis store and the Redis Socket.IO adapter are used instead of SQLite. */
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'REDIS_URL must start with redis:// or rediss://')
      .optional(),
    /** Key prefix in Redis, so several deployments can share one Redis. */
    REDIS_KEY_PREFIX: z.string().min(1).default('setboard:'),
    /** The address people use to reach the app, e.g. https://setboard.example.nhs.uk. */
    PUBLIC_URL: z.url().optional(),
    /**
     * Whether to believe X-Forwarded-For/-Proto/-Host: unset or `false` (default) never; `true`
     * every peer; a number of proxy hops; or the proxies' addresses/subnets, comma-separated
     * (`loopback`, `linklocal`, `uniquelocal` accepted). See docs/security.md.
     */
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((value, context) => {
        try {
          return parseProxyTrust(value);
        } catch (error) {
          context.addIssue({ code: 'custom', message: (error as Error).message });
          return z.NEVER;
        }
      }),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    /**
     * A second port that serves only /metrics, without a token: bind it where only monitoring can
     * reach it. Unset: no metrics port.
     */
    METRICS_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
    /** With this set, the main port serves /metrics to `Authorization: Bearer <token>`. */
    METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
    /** Built client to serve; defaults to client/dist beside the server. */
    CLIENT_DIST_DIR: z.string().optional(),
    /** When set, Setboard sends mail through this SMTP server (smtp:// or smtps://). */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
      .optional(),
    /** The From header of every message, e.g. "Setboard <setboard@trust.nhs.uk>". */
    MAIL_FROM: z.string().min(3).optional(),
    /**
     * A session unused this many days ends. The default outlasts the longest gap between a
     * set's planned meetings (about three months).
     */
    SESSION_IDLE_DAYS: z.coerce.number().int().min(1).max(3650).default(120),
    /** A session ends this many days after it began, however much it is used. */
    SESSION_ABSOLUTE_DAYS: z.coerce.number().int().min(1).max(3650).default(400),
    /**
     * The largest a board may grow, in megabytes (docs/protocol.md Y22); a full board takes no
     * more writing until its facilitator rebuilds it. Each person may write half this to one
     * board in a day.
     */
    BOARD_SIZE_LIMIT_MB: z.coerce.number().int().min(1).max(64).default(4),
  })
  .refine((config) => config.SESSION_ABSOLUTE_DAYS >= config.SESSION_IDLE_DAYS, {
    message: 'SESSION_ABSOLUTE_DAYS must be at least SESSION_IDLE_DAYS',
    path: ['SESSION_ABSOLUTE_DAYS'],
  })
  .refine((config) => !config.SMTP_URL || config.MAIL_FROM, {
    message: 'MAIL_FROM must be set when SMTP_URL is set',
    path: ['MAIL_FROM'],
  });

export type Config = z.infer<typeof ConfigSchema>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The session lifetime the configuration asks for. */
export function sessionLifetimeOf(config: Config): { idleMs: number; absoluteMs: number } {
  return {
    idleMs: config.SESSION_IDLE_DAYS * DAY_MS,
    absoluteMs: config.SESSION_ABSOLUTE_DAYS * DAY_MS,
  };
}

/** The board limits the configuration asks for. */
export function boardLimitsOf(config: Config): { sizeBytes: number; perPersonPerDayBytes: number } {
  const sizeBytes = config.BOARD_SIZE_LIMIT_MB * 1024 * 1024;
  return { sizeBytes, perPersonPerDayBytes: sizeBytes / 2 };
}

/** Parses an environment-like object, throwing a readable message on bad values. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
      .join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  return parsed.data;
}

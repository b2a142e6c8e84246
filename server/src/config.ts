/**
 * The server's configuration schema. Only `main.ts` reads the environment; everything else
 * receives these values as arguments, so tests can build the app with any configuration.
 */
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const ConfigSchema = z.object({
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
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** Built client to serve; defaults to client/dist beside the server. */
  CLIENT_DIST_DIR: z.string().optional(),
});

export type Config = z.infer<typeof ConfigSchema>;

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

/**
 * Structured logging with pino. Secrets never reach a log line: cookies and authorisation headers
 * are redacted, and request URLs are logged without their query string (invitation and sign-in
 * tokens travel there).
 */
import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  '*.token',
  '*.sessionId',
];

/** Creates the process logger; `destination` lets tests capture output. */
export function createLogger(level: LevelWithSilent, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'setboard' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Calendar feed addresses carry their secret (calendar apps fetch nothing else). */
const CALENDAR_FEED_PATH = /^\/api\/calendar\/[^/]+$/;

/** A URL path without its query string or fragment, and without a calendar feed's secret. */
export function pathOnly(url: string | undefined): string {
  if (!url) return '';
  const cut = url.search(/[?#]/);
  const path = cut === -1 ? url : url.slice(0, cut);
  return CALENDAR_FEED_PATH.test(path) ? '/api/calendar/[secret].ics' : path;
}

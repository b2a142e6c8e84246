/**
 * One log line per HTTP request, at a level that says whether anyone needs to read it (issue 17):
 * a failed request (5xx, or an error thrown on the way) at `error`, with the error itself; a
 * slow one at `warn`; everything else at `debug`, so an ordinary session adds nothing to the log
 * at the default `info`. Handlers that catch an error hand it over on `res.err` instead of
 * logging it themselves, so each failure is logged exactly once, with its request.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import { pinoHttp } from 'pino-http';
import { pathOnly, type Logger } from '../logger.js';

/** A request that takes longer than this is logged at `warn`. */
export const SLOW_REQUEST_MS = 1_000;

/** Health checks are polled every few seconds; even at `debug` they would drown the rest. */
const UNLOGGED = /^\/(healthz|readyz)(\/|\?|$)/;

const startedAt = new WeakMap<IncomingMessage, number>();

/** Hands a caught error to the request log (logged once, with the request; see above). */
export function logWithRequest(res: Response, error: unknown): void {
  res.err = error instanceof Error ? error : new Error(String(error));
}

export function requestLogging(logger: Logger): RequestHandler {
  const log = pinoHttp({
    logger,
    genReqId: () => randomUUID(),
    // Query strings may carry tokens: log the path only.
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: pathOnly(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    autoLogging: { ignore: (req) => UNLOGGED.test(req.url ?? '') },
    customLogLevel: (req: IncomingMessage, res: ServerResponse, error?: Error) => {
      if (error || res.statusCode >= 500) return 'error';
      const started = startedAt.get(req);
      if (started !== undefined && performance.now() - started > SLOW_REQUEST_MS) return 'warn';
      return 'debug';
    },
    customSuccessMessage: (_req, res) =>
      res.statusCode >= 500 ? 'request failed' : 'request completed',
    customErrorMessage: () => 'request failed',
  });
  return (req, res, next) => {
    startedAt.set(req, performance.now());
    log(req, res, next);
  };
}

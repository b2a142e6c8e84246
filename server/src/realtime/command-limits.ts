/**
 * Rate limits on Socket.IO commands (docs/protocol.md, C11): every command packet counts against
 * its connection and its person. A packet over either budget is answered `rate_limited` with
 * a retry hint and goes no further — before its payload is parsed, its set is loaded or its
 * handler runs — so a flood costs the server as little as possible and bystanders' commands
 * keep their speed.
 *
 * The connection's budget lives in this process (a connection lives on one instance); the
 * person's lives in the store, so it holds across every instance and tab. Once a person is
 * over budget the store is not asked again until the window ends (`blockInMemory`).
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Socket } from 'socket.io';
import { ErrorCode, type AckResult, type SocketData } from '@setboard/shared';
import type { Logger } from '../logger.js';
import type { RateLimiter, Store } from '../store/store.js';

export interface CommandLimitSettings {
  /** Commands one connection may send per window. */
  perConnection: { points: number; durationSeconds: number };
  /** Commands one person may send per window, over all their connections and instances. */
  perPerson: { points: number; durationSeconds: number };
}

/**
 * The defaults. An honest facilitator's busiest moment (opening a meeting: open, subscribe,
 * clock samples, then clicking through a stage) is under 10 commands in a second; these are
 * several times that, and a flood of thousands per second is refused almost entirely.
 */
export const DEFAULT_COMMAND_LIMITS: CommandLimitSettings = {
  perConnection: { points: 30, durationSeconds: 1 },
  perPerson: { points: 60, durationSeconds: 1 },
};

export interface CommandLimiter {
  /** Counts one command; `allowed: false` with how long to wait when over either budget. */
  admit(socketId: string, personId: string): Promise<{ allowed: boolean; retryAfterMs: number }>;
}

export function createCommandLimiter(
  store: Store,
  settings: CommandLimitSettings = DEFAULT_COMMAND_LIMITS,
): CommandLimiter {
  const perConnection = new RateLimiterMemory({
    keyPrefix: 'command-connection',
    points: settings.perConnection.points,
    duration: settings.perConnection.durationSeconds,
  });
  const perPerson: RateLimiter = store.createRateLimiter({
    name: 'command-person',
    ...settings.perPerson,
    blockInMemory: true,
  });
  return {
    async admit(socketId, personId) {
      try {
        await perConnection.consume(socketId);
      } catch (outcome) {
        if (outcome instanceof RateLimiterRes) {
          return { allowed: false, retryAfterMs: outcome.msBeforeNext };
        }
        throw outcome;
      }
      return perPerson.consume(personId);
    },
  };
}

/** What a refused command is answered with. */
export function rateLimitedAck(retryAfterMs: number): AckResult<never> {
  return {
    ok: false,
    error: {
      code: ErrorCode.rateLimited,
      message: 'Too many requests at once. Wait a moment, then try again.',
      retryAfterMs: Math.max(1, Math.ceil(retryAfterMs)),
    },
  };
}

/**
 * Puts every command packet of `socket` through `limiter` (a Socket.IO packet middleware, so it
 * runs before any handler). A refused packet with an acknowledgement is answered at once; one
 * without is dropped.
 */
export function limitCommands(socket: Socket, limiter: CommandLimiter, logger: Logger): void {
  const personId = (socket.data as Partial<SocketData>).personId ?? 'anonymous';
  let refusedInWindow = 0;
  socket.use((packet, next) => {
    limiter.admit(socket.id, personId).then(
      (verdict) => {
        if (verdict.allowed) {
          refusedInWindow = 0;
          next();
          return;
        }
        if (refusedInWindow++ === 0) logger.info({ command: packet[0] }, 'commands rate-limited');
        const ack = packet[packet.length - 1];
        if (typeof ack === 'function')
          (ack as (reply: unknown) => void)(rateLimitedAck(verdict.retryAfterMs));
      },
      (error: unknown) => {
        // A store that cannot count must not stop the meeting: let the command through.
        logger.warn({ err: error }, 'could not check a command rate limit');
        next();
      },
    );
  });
}

/**
 * The connection sweep: every few seconds (at most 5 s) each instance re-validates the live
 * connections it holds — Socket.IO sockets and /yjs document connections — and closes those
 * that may no longer stay open. Closing on the event (sign-out, removal) is the fast path; the
 * sweep is what makes the bound hold when an event was missed or never sent (a session that
 * simply expired on the clock).
 *
 * The seam: `checks` is a list of `ConnectionCheck`s; a connection stays open only while every
 * check keeps it: its session is still live, and a board connection's person is still a member.
 */
import { parseMeetingId, YjsCloseCode } from '@setboard/shared';
import type { DocAdmissionEntry, OpenDocAdmissions } from '../access/open-doc-admissions.js';
import type { Sessions } from '../access/sessions.js';
import { activeRoleIn, type Sets } from '../access/sets.js';
import type { Logger } from '../logger.js';
import type { DocRegistry } from './yjs/doc-registry.js';
import type { AppServer } from './app-server.js';
import { meetingOfRoom } from './meeting-room.js';

/** The longest a connection may outlive the right that opened it. */
export const MAX_SWEEP_INTERVAL_MS = 5_000;

/** One live connection as the sweep sees it. */
export interface OpenConnection {
  transport: 'socket' | 'doc';
  personId: string;
  sessionKey: string;
  /**
   * For a doc connection: the set whose membership admitted it (null: their learning log). For a
   * socket, a set whose meeting room it is in (null: the socket as a whole).
   */
  setId: string | null;
}

/** Why a connection must close, or null to keep it. */
export type ConnectionVerdict = { close: true; code: number; reason: string } | null;

export type ConnectionCheck = (connection: OpenConnection) => Promise<ConnectionVerdict>;

/** The built-in check: the session that opened the connection has not ended or expired. */
export function sessionStillLive(sessions: Sessions): ConnectionCheck {
  // Many connections share a session; ask the store once per session per sweep.
  return async (connection) =>
    (await sessions.isLive(connection.sessionKey))
      ? null
      : { close: true, code: YjsCloseCode.unauthenticated, reason: 'session ended' };
}

/**
 * A board connection admitted through a set stays open only while its person is still an active
 * member of that set (issue 18: a removal whose message an instance missed is caught here).
 */
export function membershipStillActive(sets: Sets): ConnectionCheck {
  return async (connection) => {
    if (connection.setId === null) return null;
    return activeRoleIn(await sets.get(connection.setId), connection.personId) !== null
      ? null
      : { close: true, code: YjsCloseCode.forbidden, reason: 'access removed' };
  };
}

function setsOfMeetingRooms(rooms: ReadonlySet<string>): Set<string> {
  const sets = new Set<string>();
  for (const room of rooms) {
    const setId = parseMeetingId(meetingOfRoom(room) ?? '')?.setId;
    if (setId) sets.add(setId);
  }
  return sets;
}

export interface ConnectionSweep {
  /** Runs one pass now (tests, and after the adapter's subscription reconnects). */
  sweepNow(): Promise<number>;
  stop(): void;
}

export function startConnectionSweep(deps: {
  io: AppServer;
  docs: DocRegistry;
  admissions: OpenDocAdmissions;
  checks: ConnectionCheck[];
  logger: Logger;
  intervalMs?: number;
}): ConnectionSweep {
  const intervalMs = Math.min(deps.intervalMs ?? MAX_SWEEP_INTERVAL_MS, MAX_SWEEP_INTERVAL_MS);
  let running: Promise<number> | null = null;

  const verdictOf = async (connection: OpenConnection, memo: Map<string, ConnectionVerdict>) => {
    const key = `${connection.sessionKey}\u0000${connection.personId}\u0000${connection.setId ?? ''}`;
    if (memo.has(key)) return memo.get(key)!;
    let verdict: ConnectionVerdict = null;
    for (const check of deps.checks) {
      verdict = await check(connection);
      if (verdict) break;
    }
    memo.set(key, verdict);
    return verdict;
  };

  const sweepOnce = async (): Promise<number> => {
    const memo = new Map<string, ConnectionVerdict>();
    let closed = 0;
    for (const socket of await deps.io.local.fetchSockets()) {
      const { personId, sessionKey } = socket.data;
      if (!personId || !sessionKey) continue;
      const verdict = await verdictOf(
        { transport: 'socket', personId, sessionKey, setId: null },
        memo,
      );
      if (verdict) {
        socket.disconnect(true);
        closed++;
        continue;
      }
      // A socket in a meeting room of a set it has left would still hear that meeting.
      for (const setId of setsOfMeetingRooms(socket.rooms)) {
        const left = await verdictOf({ transport: 'socket', personId, sessionKey, setId }, memo);
        if (!left) continue;
        socket.emit('access:revoked', { setId });
        socket.disconnect(true);
        closed++;
        break;
      }
    }
    for (const entry of deps.admissions.list()) {
      const verdict = await verdictOf({ transport: 'doc', ...entry }, memo);
      if (verdict) closed += await closeDocs(entry, verdict);
    }
    return closed;
  };

  const closeDocs = async (entry: DocAdmissionEntry, verdict: NonNullable<ConnectionVerdict>) => {
    deps.admissions.forget(entry);
    return entry.setId === null || verdict.code === YjsCloseCode.unauthenticated
      ? deps.docs.closeSessionConnections(entry.sessionKey, verdict.code)
      : deps.docs.closeConnectionsOf(entry.setId, entry.personId, verdict.code);
  };

  let stopped = false;
  const sweepNow = () => {
    if (stopped) return Promise.resolve(0); // the app is closing: its store may be gone
    running ??= sweepOnce().finally(() => {
      running = null;
    });
    return running;
  };

  const timer = setInterval(() => {
    sweepNow().catch((error: unknown) =>
      deps.logger.warn({ err: error }, 'the connection sweep failed; it runs again shortly'),
    );
  }, intervalMs);
  timer.unref();
  return {
    sweepNow,
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}

/**
 * Connection state recovery (docs/protocol.md, R1–R3): a connection that drops for less than
 * `RECOVERY_WINDOW_MS` comes back with its rooms and is sent the broadcasts it missed. Socket.IO
 * writes those missed packets while it restores the session, before any middleware runs (socket.io
 * 4.8, `Socket` constructor), so re-running the handshake middleware (`skipMiddlewares: false`)
 * is not enough to keep a set's news from someone removed while they were away. Access is
 * therefore checked where the session is restored: a recovery is refused (the connection starts
 * afresh, with no rooms and nothing replayed) when its session has ended, when it was told of a
 * lost set while away, or when it was watching a meeting of a set it no longer belongs to.
 */
import type { Namespace } from 'socket.io';
import type { SocketData } from '@setboard/shared';
import type { AccessServices } from '../access/services.js';
import { activeRoleIn } from '../access/sets.js';
import type { Logger } from '../logger.js';
import { setIdOfMeeting } from '../meetings/meeting-service.js';
import { meetingOfRoom } from './meeting-room.js';

/** How long a dropped connection may be away and still be recovered (Socket.IO's default). */
export const RECOVERY_WINDOW_MS = 2 * 60 * 1000;

type Restore = Namespace['adapter']['restoreSession'];
type RestoredSession = Awaited<ReturnType<Restore>>;

export interface RecoveryGuard {
  /**
   * The sets a refused recovery had lost, for the fresh connection made in its place (found by
   * the private session id the client sent, `auth.pid`); each is told once.
   */
  takeLostSets(pid: unknown): string[];
}

type Verdict = { ok: true } | { ok: false; lostSetIds: string[] };

/** Sets named by `access:revoked` packets among those missed. */
function setsRevokedIn(missedPackets: unknown[][]): string[] {
  return missedPackets.flatMap(([event, fact]) => {
    const setId = (fact as { setId?: unknown } | null)?.setId;
    return event === 'access:revoked' && typeof setId === 'string' ? [setId] : [];
  });
}

async function judge(session: RestoredSession, services: AccessServices): Promise<Verdict> {
  const data = session.data as Partial<SocketData> | undefined;
  const personId = data?.personId;
  if (!personId || !data.sessionKey || !(await services.sessions.isLive(data.sessionKey)))
    return { ok: false, lostSetIds: [] };
  const revoked = setsRevokedIn(session.missedPackets);
  const watched = session.rooms.flatMap((room) => {
    const meetingId = meetingOfRoom(room);
    const setId = meetingId === null ? null : setIdOfMeeting(meetingId);
    return setId === null ? [] : [setId];
  });
  const lostSetIds: string[] = [];
  for (const setId of new Set([...revoked, ...watched])) {
    const set = await services.sets.get(setId);
    if (!activeRoleIn(set, personId)) lostSetIds.push(setId);
  }
  // Told of a lost set while away: even if back in it since, what was missed is not for them.
  if (revoked.length > 0 || lostSetIds.length > 0) return { ok: false, lostSetIds };
  return { ok: true };
}

/** Wraps the adapter's `restoreSession` (in memory or Redis streams) with the access check. */
export function guardConnectionRecovery(
  io: { of(name: '/'): Namespace },
  deps: { services: AccessServices; logger: Logger },
): RecoveryGuard {
  const adapter = io.of('/').adapter;
  const restore: Restore = adapter.restoreSession.bind(adapter);
  const lostByPid = new Map<string, string[]>();
  const remember = (pid: string, lostSetIds: string[]) => {
    if (lostSetIds.length === 0) return;
    lostByPid.set(pid, lostSetIds);
    // The fresh connection follows at once; forget it if it never comes.
    setTimeout(() => lostByPid.delete(pid), RECOVERY_WINDOW_MS).unref();
  };
  const guarded = async (pid: string, offset: string): Promise<RestoredSession | null> => {
    const session = await restore(pid, offset);
    if (!session) return session;
    try {
      const verdict = await judge(session, deps.services);
      if (verdict.ok) return session;
      remember(pid, verdict.lostSetIds);
    } catch (error) {
      deps.logger.error({ err: error }, 'could not check a recovered connection; starting afresh');
    }
    // Socket.IO treats a missing session as "start afresh" (no rooms, nothing replayed).
    return null;
  };
  adapter.restoreSession = guarded as Restore;
  return {
    takeLostSets(pid) {
      if (typeof pid !== 'string') return [];
      const lost = lostByPid.get(pid) ?? [];
      lostByPid.delete(pid);
      return lost;
    },
  };
}

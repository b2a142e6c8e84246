/**
 * The live meeting over Socket.IO (docs/protocol.md, M1…): `meeting:open`, `meeting:subscribe`
 * and `meeting:command`. Each reads parse → authorise (set membership, in `onCommand`) → reduce
 * and store with compare-and-set (`MeetingService.apply`) → ack → broadcast. A connection that
 * was recovered after a brief disconnection (R1) carries on with the meetings it watched.
 */
import type { Socket } from 'socket.io';
import {
  ackError,
  ackOk,
  ErrorCode,
  MEETING_ERROR_MESSAGES,
  setAllows,
  type Slot,
} from '@setboard/shared';
import { activeRoleIn } from '../access/sets.js';
import { nextDueAt, type MeetingClock, type PublishChange } from '../meetings/meeting-clock.js';
import { activeRosterOf } from '../meetings/meeting-setup.js';
import {
  setIdOfMeeting,
  type ApplyOutcome,
  type MeetingService,
  type StoredMeeting,
} from '../meetings/meeting-service.js';
import { onCommand, type CommandDeps } from './command.js';
import type { AnnounceOpened } from './meeting-broadcast.js';
import { markGoneIfLast, markPresent } from './meeting-presence.js';
import { meetingOfRoom, meetingRoomOf } from './meeting-room.js';

export interface MeetingHandlerDeps extends CommandDeps {
  now: () => number;
  meetings: MeetingService;
  clock: MeetingClock;
  publish: PublishChange;
  announceOpened: AnnounceOpened;
  /** Copies deferred slots' boards into a newly opened meeting's slots. */
  carrySlotBoards: (slots: readonly Slot[]) => Promise<void>;
  /** Prepares the set's boards for a newly opened meeting (the ground rules' draft). */
  prepareBoards?: (meeting: StoredMeeting) => Promise<void>;
}

const notFound = () => ackError<never>(ErrorCode.notFound, 'That meeting could not be found.');

function refusalOf(outcome: Exclude<ApplyOutcome, { ok: true }>) {
  switch (outcome.reason) {
    case 'not_found':
      return notFound();
    case 'stale':
      return ackError<never>(
        ErrorCode.conflict,
        'The meeting moved on before your request arrived. Check and try again.',
      );
    case 'refused':
      return ackError<never>(outcome.code, MEETING_ERROR_MESSAGES[outcome.code]);
  }
}

export function registerMeetingHandlers(socket: Socket, deps: MeetingHandlerDeps): void {
  /** Meetings this connection subscribed to: each keeps this instance's clock watching. */
  const subscribed = new Set<string>();

  onCommand(socket, 'meeting:open', deps, async ({ setId, meetingIndex }, { afterAck }) => {
    const lifecycle = (await deps.sets.get(setId))?.lifecycle;
    if (lifecycle && !setAllows(lifecycle, 'meet')) {
      return ackError(ErrorCode.forbidden, 'This set is closed: reopen it to meet again.');
    }
    const outcome = await deps.meetings.open(setId, meetingIndex);
    if (!outcome.ok) return ackError(ErrorCode.notFound, 'The set has no such planned meeting.');
    const { meetingId } = outcome.meeting;
    if (outcome.created) {
      await deps.carrySlotBoards(outcome.meeting.state.slots).catch((error: unknown) => {
        // The meeting is open either way; the presenter can still write their issue again.
        deps.logger.error({ err: error, meetingId }, 'could not carry deferred slots’ boards');
      });
      await deps.prepareBoards?.(outcome.meeting).catch((error: unknown) => {
        deps.logger.error({ err: error, meetingId }, 'could not prepare the set’s boards');
      });
    }
    // Members waiting for the room hear at once (M10); the set is read now, so only its
    // active members do.
    const set = await deps.sets.get(setId);
    const members = set ? activeRosterOf(set).map(({ personId }) => personId) : [];
    afterAck(() => deps.announceOpened(meetingId, members));
    return ackOk({ meetingId });
  });

  onCommand(socket, 'meeting:subscribe', deps, async ({ meetingId }) => {
    // Join before reading: a change stored in between still arrives, as a newer version.
    await socket.join(meetingRoomOf(meetingId));
    const meeting = await deps.meetings.get(meetingId);
    if (!meeting) {
      if (!subscribed.has(meetingId)) await socket.leave(meetingRoomOf(meetingId));
      return notFound();
    }
    if (!subscribed.has(meetingId)) {
      subscribed.add(meetingId);
      deps.clock.watch(meetingId, meeting.version, nextDueAt(meeting.state));
    }
    // Coming back after leaving (M13): the change follows the reply, as a newer version.
    if (meeting.state.attendance[personIdOf(socket) ?? '']?.away)
      markPresent(socket, meetingId, deps);
    const { version, state } = meeting;
    return ackOk({ meetingId, version, state, serverNow: deps.now() });
  });

  onCommand(socket, 'meeting:command', deps, async (payload, { actor, afterAck }) => {
    const { meetingId, command, expectedVersion } = payload;
    const outcome = await deps.meetings.apply(meetingId, command, actor, expectedVersion);
    if (!outcome.ok) return refusalOf(outcome);
    const { meeting, events, changed } = outcome;
    if (changed) afterAck(() => deps.publish(meeting, events));
    return ackOk({ version: meeting.version, state: meeting.state, serverNow: deps.now() });
  });

  socket.on('disconnect', (reason) => {
    for (const meetingId of subscribed) deps.clock.unwatch(meetingId);
    // A server going down is not its people leaving: they come back when it does (M13).
    if (reason !== 'server shutting down') markGoneIfLast(socket, [...subscribed], deps);
    subscribed.clear();
  });

  if (socket.recovered) {
    resumeSubscriptions(socket, subscribed, deps).catch((error: unknown) =>
      deps.logger.error({ err: error }, 'could not resume meeting subscriptions'),
    );
  }
}

/**
 * A recovered connection is back in the meeting rooms it was in (and has had what it missed).
 * Access was checked when its session was restored; check again, since someone may have been
 * removed since, and keep this instance's clock watching the meetings it may still see.
 */
async function resumeSubscriptions(
  socket: Socket,
  subscribed: Set<string>,
  deps: MeetingHandlerDeps,
): Promise<void> {
  const personId = (socket.data as { personId?: string }).personId;
  for (const room of [...socket.rooms]) {
    const meetingId = meetingOfRoom(room);
    if (meetingId === null || subscribed.has(meetingId)) continue;
    const setId = setIdOfMeeting(meetingId);
    const set = setId ? await deps.sets.get(setId) : null;
    const meeting = await deps.meetings.get(meetingId);
    const member = activeRoleIn(set, personId) !== null;
    if (!member || !meeting || !socket.connected) {
      await socket.leave(room);
      continue;
    }
    subscribed.add(meetingId);
    deps.clock.watch(meetingId, meeting.version, nextDueAt(meeting.state));
    if (meeting.state.attendance[personId ?? '']?.away) markPresent(socket, meetingId, deps);
  }
}

function personIdOf(socket: Socket): string | null {
  return (socket.data as { personId?: string }).personId ?? null;
}

/**
 * Publishing a stored meeting change: `meeting:changed` to the meeting's room through the
 * adapter (so subscribers on every instance get it), and the clocks re-armed for the new state,
 * here directly and on the other instances through a server-side event. Also `meeting:opened`
 * to the set's members, wherever they are connected.
 */
import { meetingRoomOf } from './meeting-room.js';
import {
  MeetingClock,
  nextDueAt,
  type PublishChange,
  type Scheduler,
} from '../meetings/meeting-clock.js';
import type { MeetingService } from '../meetings/meeting-service.js';
import type { Logger } from '../logger.js';
import type { AppServer } from './app-server.js';
import { personRoom } from './rooms.js';

/** Tells these people (every connection of theirs, on every instance) that a meeting opened. */
export type AnnounceOpened = (meetingId: string, personIds: string[]) => void;

export function wireMeetingBroadcast(
  io: AppServer,
  deps: {
    meetings: MeetingService;
    scheduler: Scheduler;
    now: () => number;
    logger: Logger;
    /** Whether other instances share the adapter (only then is there anyone to tell). */
    clustered: boolean;
    /** Told of every stored change this instance publishes (the set's lifecycle follows). */
    onChanged?: PublishChange;
  },
): { clock: MeetingClock; publish: PublishChange; announceOpened: AnnounceOpened } {
  const publish: PublishChange = (meeting, events) => {
    const { meetingId, version, state } = meeting;
    io.to(meetingRoomOf(meetingId)).emit('meeting:changed', {
      meetingId,
      version,
      state,
      events,
      serverNow: deps.now(),
    });
    const dueAt = nextDueAt(state);
    clock.rearm(meetingId, version, dueAt);
    if (deps.clustered) io.serverSideEmit('meeting:rearm', meetingId, version, dueAt);
    deps.onChanged?.(meeting, events);
  };
  const clock = new MeetingClock({ ...deps, publish });
  io.on('meeting:rearm', (meetingId, version, dueAt) => clock.rearm(meetingId, version, dueAt));
  const announceOpened: AnnounceOpened = (meetingId, personIds) => {
    if (personIds.length > 0)
      io.to(personIds.map(personRoom)).emit('meeting:opened', { meetingId });
  };
  return { clock, publish, announceOpened };
}

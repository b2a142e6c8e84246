/**
 * Publishing a stored meeting change: `meeting:changed` to the meeting's room through the
 * adapter (so subscribers on every instance get it), and the clocks re-armed for the new state,
 * here directly and on the other instances through a server-side event.
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
import type { AppServer } from './socket-server.js';

export function wireMeetingBroadcast(
  io: AppServer,
  deps: {
    meetings: MeetingService;
    scheduler: Scheduler;
    now: () => number;
    logger: Logger;
    /** Whether other instances share the adapter (only then is there anyone to tell). */
    clustered: boolean;
  },
): { clock: MeetingClock; publish: PublishChange } {
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
  };
  const clock = new MeetingClock({ ...deps, publish });
  io.on('meeting:rearm', (meetingId, version, dueAt) => clock.rearm(meetingId, version, dueAt));
  return { clock, publish };
}

/**
 * Presence in a meeting (docs/protocol.md M13): a person is in the room while at least one of
 * their connections is subscribed to it, on any instance. When the last one goes the server
 * applies `presence:left`; when one subscribes again (or a dropped connection is recovered),
 * `presence:back`. Both are the server's own commands; their changes are published like any
 * other, so everyone sees "left" and "back" at once.
 */
import type { Socket } from 'socket.io';
import type { PublishChange } from '../meetings/meeting-clock.js';
import type { MeetingService } from '../meetings/meeting-service.js';
import type { Logger } from '../logger.js';
import { meetingRoomOf } from './meeting-room.js';

export interface PresenceDeps {
  meetings: MeetingService;
  publish: PublishChange;
  logger: Logger;
}

function personOf(socket: { data: unknown }): string | null {
  return (socket.data as { personId?: string } | undefined)?.personId ?? null;
}

/** Whether any connection of `personId` (other than those already gone) watches the meeting. */
async function stillConnected(socket: Socket, meetingId: string, personId: string) {
  // Through the adapter: connections on every instance (G6).
  const sockets = await socket.nsp.in(meetingRoomOf(meetingId)).fetchSockets();
  return sockets.some((other) => other.id !== socket.id && personOf(other) === personId);
}

async function apply(
  deps: PresenceDeps,
  meetingId: string,
  type: 'presence:left' | 'presence:back',
  personId: string,
): Promise<void> {
  const meeting = await deps.meetings.get(meetingId);
  // Only people on the roster have presence; an organiser's page (refused anyway) has none.
  if (!meeting?.state.roster.some((entry) => entry.personId === personId)) return;
  const outcome = await deps.meetings.apply(meetingId, { type, personId }, null);
  if (outcome.ok && outcome.changed) deps.publish(outcome.meeting, outcome.events);
}

/** The person's connection subscribed (or was recovered): they are back, if marked away. */
export function markPresent(socket: Socket, meetingId: string, deps: PresenceDeps): void {
  const personId = personOf(socket);
  if (!personId) return;
  apply(deps, meetingId, 'presence:back', personId).catch((error: unknown) =>
    deps.logger.error({ err: error, meetingId }, 'could not record someone coming back'),
  );
}

/** A subscribed connection closed: if it was the person's last on the meeting, they left. */
export function markGoneIfLast(socket: Socket, meetingIds: string[], deps: PresenceDeps): void {
  const personId = personOf(socket);
  if (!personId) return;
  for (const meetingId of meetingIds) {
    stillConnected(socket, meetingId, personId)
      .then((connected) =>
        connected ? undefined : apply(deps, meetingId, 'presence:left', personId),
      )
      .catch((error: unknown) =>
        deps.logger.error({ err: error, meetingId }, 'could not record someone leaving'),
      );
  }
}

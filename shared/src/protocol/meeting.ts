/**
 * The live meeting on the wire: the commands `meeting:open`, `meeting:subscribe` and
 * `meeting:command`, and the fact `meeting:changed` (docs/protocol.md, rules M1…). A meeting is
 * addressed by `MeetingId`, built from its set and its place in the set's plan, so the server can
 * tell which set a meeting belongs to (and check membership) before it reads anything.
 */
import { z } from 'zod';
import { MeetingCommand, SERVER_COMMAND_TYPES } from '../domain/meeting/meeting-commands.js';
import type { MeetingEvent } from '../domain/meeting/meeting-events.js';
import type { MeetingState } from '../domain/meeting/meeting-state.js';
import { EntityId } from './api/common.js';

/** The set's planned meetings are numbered from 0 in `SetView.meetings` order. */
export const MeetingIndex = z.number().int().min(0).max(11);

const MEETING_ID = /^([A-Za-z0-9_-]{22})-m(\d{1,2})$/;

/** `<setId>-m<meetingIndex>`: a set's planned meeting, e.g. `Vq3…-m0` for its first. */
export const MeetingId = z.string().regex(MEETING_ID, 'Not a valid meeting id');
export type MeetingId = z.infer<typeof MeetingId>;

/** The id of the set's meeting at `meetingIndex` in its plan. */
export function meetingIdOf(setId: string, meetingIndex: number): string {
  return `${setId}-m${meetingIndex}`;
}

/** The set and plan index a meeting id names, or null when it is not a meeting id. */
export function parseMeetingId(meetingId: string): { setId: string; meetingIndex: number } | null {
  const match = MEETING_ID.exec(meetingId);
  if (!match) return null;
  return { setId: match[1]!, meetingIndex: Number(match[2]) };
}

/** `meeting:open` (facilitator): make the live meeting for a planned one. Idempotent. */
export const MeetingOpenRequest = z.strictObject({ setId: EntityId, meetingIndex: MeetingIndex });
export type MeetingOpenRequest = z.infer<typeof MeetingOpenRequest>;
export interface MeetingOpenReply {
  meetingId: string;
}

/** `meeting:subscribe` (set members): receive the full state now and every change after. */
export const MeetingSubscribeRequest = z.strictObject({ meetingId: MeetingId });
export type MeetingSubscribeRequest = z.infer<typeof MeetingSubscribeRequest>;

/** A meeting's state at a version, with the server's clock for countdowns. */
export interface MeetingSnapshot {
  meetingId: string;
  /** The stored record's version: it goes up by one with every accepted change. */
  version: number;
  state: MeetingState;
  /** The server's time (epoch ms) when this was sent: clients correct deadlines by it. */
  serverNow: number;
}

/**
 * Commands a client may send. The server's own commands (`tick`, its clock; `roster:sync`) are
 * refused from clients.
 */
export const ClientMeetingCommand = MeetingCommand.refine(
  (command) => !SERVER_COMMAND_TYPES.includes(command.type),
  { message: 'Only the server sends this command', path: ['type'] },
);

/** `meeting:command`: one reducer command. With `expectedVersion` it applies only at that version. */
export const MeetingCommandRequest = z.strictObject({
  meetingId: MeetingId,
  command: ClientMeetingCommand,
  expectedVersion: z.number().int().min(1).optional(),
});
export type MeetingCommandRequest = z.input<typeof MeetingCommandRequest>;
export type MeetingCommandReply = Omit<MeetingSnapshot, 'meetingId'>;

/** `meeting:changed`: a new state was stored; sent to everyone subscribed, on every instance. */
export interface MeetingChanged extends MeetingSnapshot {
  /** What happened, for announcements ("your turn", time warnings). */
  events: MeetingEvent[];
}

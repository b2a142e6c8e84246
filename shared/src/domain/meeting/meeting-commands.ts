/**
 * Every command the meeting reducer understands, as one zod discriminated union on `type`.
 * Names are `noun:verb`. The server parses a payload with `MeetingCommand` before reducing it;
 * who may issue each command is decided by the reducer (see `command-rules.ts`).
 */
import { z } from 'zod';
import { Participant, PersonRef } from './meeting-state.js';

const bare = <T extends string>(type: T) => z.object({ type: z.literal(type) });
const withPerson = <T extends string>(type: T) =>
  z.object({ type: z.literal(type), personId: PersonRef });

export const MeetingCommand = z.discriminatedUnion('type', [
  /** Facilitator: open the lobby early (the clock opens it `lobbyMinutesBefore` the start). */
  bare('lobby:open'),
  /**
   * Facilitator: start the meeting once there is a quorum, or without one, giving the reason
   * (recorded in `belowQuorumStart`).
   */
  z.object({
    type: z.literal('meeting:start'),
    belowQuorumReason: z
      .string()
      .trim()
      .min(1, 'Say why the meeting starts without a quorum')
      .max(300, 'Keep the reason to 300 characters')
      .optional(),
  }),
  /** Anyone on the roster: come into the lobby or the meeting. */
  bare('meeting:join'),
  /** Anyone on the roster who has not joined: send apologies. */
  bare('apologies:send'),
  /** Anyone who sent apologies, before the meeting starts: withdraw them (they are coming). */
  bare('apologies:withdraw'),
  /** Facilitator: move on to the next turn, stage, slot or phase. */
  bare('stage:advance'),
  /** Facilitator: return to the previous turn or stage. */
  bare('stage:back'),
  /** Facilitator: call a time out; the clock keeps what was left. */
  bare('timer:pause'),
  /** Facilitator: end the time out; the clock runs on from what was left. */
  bare('timer:resume'),
  /** Facilitator: give the current stage or turn more time. */
  z.object({ type: z.literal('timer:extend'), minutes: z.number().int().min(1).max(60) }),
  /** The server's clock: issue warnings, mark time up, or move on under strict timing. */
  bare('tick'),
  /** The server: the set's active membership now (someone joined or was removed). */
  z.object({ type: z.literal('roster:sync'), roster: z.array(Participant).max(100) }),
  /** Facilitator: put the planned slots in a new order (every planned slot, once). */
  z.object({ type: z.literal('slots:reorder'), slotIds: z.array(z.string().min(1)).max(20) }),
  /** Facilitator: carry a slot over to the next meeting. */
  z.object({ type: z.literal('slot:defer'), slotId: z.string().min(1) }),
  /** Facilitator: take a break once a slot is complete. */
  z.object({ type: z.literal('break:start'), minutes: z.number().int().min(1).max(60) }),
  /** Facilitator: give someone the floor directly. */
  withPerson('floor:grant'),
  /** Facilitator: take someone off the speaking queue (or off the floor). */
  withPerson('queue:remove'),
  /** Facilitator (or the appointed facilitator taking it back): hand facilitation over. */
  withPerson('facilitation:handover'),
  /** Member: raise a hand to speak. */
  bare('hand:raise'),
  /** Member: lower a hand, or give up the floor. */
  bare('hand:lower'),
  /** Member: end your turn in a round, or give up the floor. */
  bare('turn:pass'),
  /** Member: bid for airtime (a one-line synopsis and the minutes wanted); bids again update. */
  z.object({
    type: z.literal('bid:place'),
    synopsis: z.string().trim().max(200, 'Keep the synopsis to one line (200 characters)'),
    minutes: z.number().int().min(5).max(90),
  }),
  /** Member: withdraw a bid (or decline an equal-time slot) before it starts. */
  bare('bid:withdraw'),
  /** Member: say you are ready to move on. */
  bare('ready:signal'),
  /** Presenter: finish presenting and open the clarifying questions. */
  bare('presenting:finish'),
  /** Presenter: opt in to (or out of) an offers round, if the set's contract allows one. */
  z.object({ type: z.literal('offers:choose'), optIn: z.boolean() }),
  /** The question feature: the floor holder has put a question (counts toward the limit). */
  bare('question:asked'),
  /** The server: the person's last connection watching the meeting closed (M13). */
  withPerson('presence:left'),
  /** The server: a person marked away is connected to the meeting again (M13). */
  withPerson('presence:back'),
]);
export type MeetingCommand = z.infer<typeof MeetingCommand>;
export type MeetingCommandType = MeetingCommand['type'];

/** Every command type, in the order above. */
export const MEETING_COMMAND_TYPES = MeetingCommand.options.map(
  (option) => option.shape.type.value,
) as MeetingCommandType[];

/**
 * Commands only the server issues (actor: none). Clients cannot send them: the wire schema
 * refuses them (`ClientMeetingCommand`), and the reducer refuses them from any person.
 */
export const SERVER_COMMAND_TYPES: readonly MeetingCommandType[] = [
  'tick',
  'roster:sync',
  // Counted by the server when it writes a question (`question:ask`), never sent alone.
  'question:asked',
  'presence:left',
  'presence:back',
];

/**
 * The live state of one meeting, as stored by the server and broadcast to the set. Everything the
 * reducer needs is here, so a restarted server (or another instance) carries on from the stored
 * value alone. Times are absolute epoch milliseconds; durations carry `Ms` in their names.
 */
import { z } from 'zod';
import { SetRole, SetSettings } from '../../protocol/api/sets.js';
import { MeetingTimings } from './timings.js';

/** A person's id as the meeting knows it (the server uses `EntityId`s; tests use short names). */
export const PersonRef = z.string().min(1).max(64);

/** The states of a meeting (docs/domain.md, "A meeting"). A time out is `pausedAt`, not a phase. */
export const MeetingPhase = z.enum([
  'scheduled',
  'lobby',
  'opening',
  'contracting',
  'expectations_round',
  'objectives',
  'check_in',
  'bidding',
  'slot',
  'break',
  'process_review',
  'closing',
  'closed',
]);
export type MeetingPhase = z.infer<typeof MeetingPhase>;

/** The stages of a presenter slot, in order (docs/domain.md, "A presenter slot"). */
export const SlotStage = z.enum([
  'contracting',
  'presenting',
  'clarifying',
  'exploring',
  'reflecting_back',
  'offers',
  'action_planning',
  'presenter_feedback',
  'complete',
]);
export type SlotStage = z.infer<typeof SlotStage>;

export const AttendanceStatus = z.enum(['expected', 'present', 'late', 'apologies', 'absent']);
export type AttendanceStatus = z.infer<typeof AttendanceStatus>;

/** Someone on the set's roster for this meeting. */
export const Participant = z.object({ personId: PersonRef, role: SetRole });
export type Participant = z.infer<typeof Participant>;

/** The set's settings that shape a meeting. */
export const MeetingSettings = SetSettings.pick({
  timeAllocation: true,
  timing: true,
  advicePolicy: true,
  facilitatorAsksContentQuestions: true,
  queue: true,
  adviceCheck: true,
  notesPolicy: true,
  quorum: true,
});
export type MeetingSettings = z.infer<typeof MeetingSettings>;

/**
 * A presenter's slot. A bid is a `planned` slot: bidding and equal time both produce them, and
 * the facilitator fixes their order. Deferred slots are carried to the next meeting.
 */
export const Slot = z.object({
  id: z.string().min(1).max(64),
  presenterId: PersonRef,
  synopsis: z.string().max(200),
  minutes: z.number().int().min(1).max(120),
  status: z.enum(['planned', 'running', 'complete', 'deferred']),
  /** The current stage while running; `complete` once finished; null before and when deferred. */
  stage: SlotStage.nullable(),
  /** The presenter has opted in to an offers round (only used if the set's contract allows). */
  offersOptIn: z.boolean(),
  /** The slot of an earlier meeting this one was deferred from (its board is carried over). */
  carriedFrom: z.string().max(64).nullable().default(null),
  /**
   * Minutes this meeting's extensions took from the slot (`timer:extend`, M12). A slot carried
   * to the next meeting gets them back: an extension never changes the next meeting's plan.
   */
  cutMinutes: z.number().int().nonnegative().optional(),
});
export type Slot = z.infer<typeof Slot>;

/**
 * The clock of the current stage or turn. Running: `endsAt` set, `remainderMs` null. During a
 * time out: `endsAt` null and `remainderMs` keeps what was left.
 */
export const StageTimer = z.object({
  startedAt: z.number(),
  durationMs: z.number().nonnegative(),
  endsAt: z.number().nullable(),
  remainderMs: z.number().nonnegative().nullable(),
  warnedTwoMinutes: z.boolean(),
  warnedThirtySeconds: z.boolean(),
  /** Advisory timing (or a strict move that could not happen): the facilitator is prompted. */
  timeUp: z.boolean(),
});
export type StageTimer = z.infer<typeof StageTimer>;

/** An uninterrupted round (expectations or check-in): each member in turn. */
export const Round = z.object({
  order: z.array(PersonRef),
  index: z.number().int().nonnegative(),
});
export type Round = z.infer<typeof Round>;

/** The speaking queue: raised hands in order, and who holds the floor. */
export const SpeakingQueue = z.object({
  hands: z.array(PersonRef),
  floor: z.object({ personId: PersonRef, questions: z.number().int().nonnegative() }).nullable(),
  /** How often each person has held the floor in this slot (or phase): the least go first. */
  turnsHere: z.record(z.string(), z.number().int().nonnegative()),
});
export type SpeakingQueue = z.infer<typeof SpeakingQueue>;

/**
 * Who held a turn or the floor, and for how long. Time is added lazily up to `accruedTo`; the
 * rest is `airtimeTotals(state, now)`'s business. Live time with no one speaking (a break, a
 * silent stage) is `unattributedMs`, so all buckets together equal the live, unpaused time.
 */
export const Airtime = z.object({
  byPersonMs: z.record(z.string(), z.number().nonnegative()),
  unattributedMs: z.number().nonnegative(),
  accruedTo: z.number().nullable(),
  speakerId: PersonRef.nullable(),
});
export type Airtime = z.infer<typeof Airtime>;

/** A place in the agenda; the stack of these lets the facilitator go back a step. */
export const AgendaPosition = z.object({
  phase: MeetingPhase,
  slotId: z.string().nullable(),
  stage: SlotStage.nullable(),
  turnIndex: z.number().int().nonnegative().nullable(),
});
export type AgendaPosition = z.infer<typeof AgendaPosition>;

/** A time someone who had joined left the meeting (their last connection closed), and came back. */
export const PresenceGap = z.object({ leftAt: z.number(), backAt: z.number().nullable() });
export type PresenceGap = z.infer<typeof PresenceGap>;

/** Keep the record of comings and goings short: a flaky connection must not grow the state. */
export const MAX_PRESENCE_GAPS = 20;

export const AttendanceEntry = z.object({
  status: AttendanceStatus,
  joinedAt: z.number().nullable(),
  /** Joined, but not connected now (`presence:left`); `presence:back` clears it. */
  away: z.boolean().default(false),
  /** Each time they left and (if so) came back, oldest first (M13). */
  gaps: z.array(PresenceGap).max(MAX_PRESENCE_GAPS).default([]),
});
export type AttendanceEntry = z.infer<typeof AttendanceEntry>;

/** The whole live state of a meeting. */
export const MeetingState = z.object({
  meetingId: z.string().min(1).max(64),
  /** 1 for the set's first meeting (contracting, expectations), 2 onwards for check-ins. */
  meetingNumber: z.number().int().min(1),
  settings: MeetingSettings,
  timings: MeetingTimings,
  roster: z.array(Participant),
  /** The set's appointed facilitator. */
  facilitatorId: PersonRef,
  /** Who facilitates now: someone else while the facilitator presents. */
  actingFacilitatorId: PersonRef,
  /** The facilitator is also a member: takes turns in rounds, may bid and present. */
  facilitatorTakesPart: z.boolean(),
  lobbyOpensAt: z.number(),
  phase: MeetingPhase,
  currentSlotId: z.string().nullable(),
  slots: z.array(Slot),
  nextSlotNumber: z.number().int().min(1),
  /**
   * Minutes the facilitator added (`timer:extend`) that the later slots could not give up: the
   * meeting runs this much past its planned end.
   */
  overrunMinutes: z.number().int().nonnegative(),
  round: Round.nullable(),
  queue: SpeakingQueue,
  timer: StageTimer.nullable(),
  pausedAt: z.number().nullable(),
  /** Members who have said they are ready to move on from the current stage. */
  ready: z.array(PersonRef),
  attendance: z.record(z.string(), AttendanceEntry),
  airtime: Airtime,
  history: z.array(AgendaPosition),
  startedAt: z.number().nullable(),
  /** The facilitator started without a quorum: why, and how many of the quorum were there. */
  belowQuorumStart: z
    .object({ reason: z.string().max(300), present: z.number().int(), quorum: z.number().int() })
    .nullable()
    .default(null),
  closedAt: z.number().nullable(),
  /** Questions put to presenters in this meeting (`question:asked`), for the summary. */
  questionsAsked: z.number().int().nonnegative().default(0),
});
export type MeetingState = z.infer<typeof MeetingState>;

/**
 * Default timings from docs/domain.md. Every set may change them; a meeting keeps its own copy so a
 * change mid-cycle never alters a meeting already under way.
 */
import { z } from 'zod';

export const MS_PER_MINUTE = 60_000;
/** Warn the facilitator this long before a stage or turn ends. */
export const STAGE_WARNING_MS = 2 * MS_PER_MINUTE;
/** The last warning before time is up. */
export const FINAL_WARNING_MS = 30_000;

const minutes = (fallback: number) => z.number().min(0).max(240).default(fallback);

/** Minutes per slot stage for a slot of `slotMinutes`; longer or shorter slots scale them. */
export const SlotStageMinutes = z.object({
  contracting: minutes(2),
  presenting: minutes(5),
  clarifying: minutes(8),
  exploring: minutes(15),
  reflecting_back: minutes(4),
  offers: minutes(5),
  action_planning: minutes(4),
  presenter_feedback: minutes(2),
});
export type SlotStageMinutes = z.infer<typeof SlotStageMinutes>;

export const MeetingTimings = z.object({
  lobbyMinutesBefore: minutes(10),
  openingMinutes: minutes(5),
  contractingMinutes: minutes(30),
  expectationsTurnMinutes: minutes(5),
  objectivesMinutes: minutes(25),
  checkInTurnMinutes: minutes(4),
  biddingMinutes: minutes(10),
  /** Each presenter's time under equal allocation, and the length the stage minutes add up to. */
  slotMinutes: minutes(40),
  slotStages: SlotStageMinutes.default(SlotStageMinutes.parse({})),
  breakMinutes: minutes(10),
  processReviewMinutes: minutes(15),
  closingMinutes: minutes(5),
});
export type MeetingTimings = z.infer<typeof MeetingTimings>;

/** The defaults, ready to use. */
export const DEFAULT_MEETING_TIMINGS: MeetingTimings = MeetingTimings.parse({});

/** Converts minutes to milliseconds, rounded to whole milliseconds. */
export function minutesToMs(value: number): number {
  return Math.round(value * MS_PER_MINUTE);
}

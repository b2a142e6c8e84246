/**
 * The records kept in a board's map sections: objectives, actions and questions. Each record is a
 * Y.Map of plain fields (short text edited whole, so concurrent edits to one field keep the last).
 * The schemas validate what the server writes and what the client reads back.
 */
import { z } from 'zod';
import { SlotStage } from '../meeting/meeting-state.js';

const text = (max: number) => z.string().max(max);
/** A calendar date as `YYYY-MM-DD` (shown as 21 September 2027). */
export const CalendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2027-09-21');

export const ObjectiveStatus = z.enum([
  'draft',
  'agreed',
  'on_track',
  'at_risk',
  'met',
  'not_met',
  'dropped',
]);
export type ObjectiveStatus = z.infer<typeof ObjectiveStatus>;

/** One review of an objective at one meeting; the reviews together are its history. */
export const ObjectiveReview = z.object({
  meetingNumber: z.number().int().min(1),
  rating: z.number().int().min(1).max(5),
  note: text(2000),
  status: ObjectiveStatus,
  reviewedAt: z.number(),
  reviewedBy: z.string().min(1),
});
export type ObjectiveReview = z.infer<typeof ObjectiveReview>;

/** A set-level or individual objective (docs/domain.md, "Objectives, actions, accountability"). */
export const ObjectiveRecord = z.object({
  statement: text(500),
  measure: text(500),
  baseline: text(500),
  target: text(500),
  targetDate: CalendarDate.or(z.literal('')),
  status: ObjectiveStatus,
  createdAt: z.number(),
  /** Reviews keyed by meeting number: one per meeting, the latest kept for each. */
  reviews: z.record(z.string(), ObjectiveReview),
});
export type ObjectiveRecord = z.infer<typeof ObjectiveRecord>;

export const ActionStatus = z.enum([
  'draft',
  'committed',
  'in_progress',
  'done',
  'partly_done',
  'not_done',
  'changed',
  'carried_forward',
  'dropped',
]);
export type ActionStatus = z.infer<typeof ActionStatus>;

/** A dated note of progress on an action, added between meetings ("My actions"). */
export const ActionProgressNote = z.object({
  at: z.number(),
  status: ActionStatus,
  note: text(1000),
});
export type ActionProgressNote = z.infer<typeof ActionProgressNote>;

/** A presenter's action: theirs alone. */
export const ActionRecord = z.object({
  what: text(500),
  intendedOutcome: text(500),
  howWillIKnow: text(500),
  /** Defaults to the next meeting's date. */
  due: CalendarDate.or(z.literal('')),
  status: ActionStatus,
  /** What was learned (reported at the check-in), or why it was dropped or changed. */
  statusNote: text(2000),
  createdAt: z.number(),
  /** Progress notes, oldest first (absent on actions written before they existed). */
  progress: z.array(ActionProgressNote).max(200).default([]),
});
export type ActionRecord = z.infer<typeof ActionRecord>;

/** A question put to the presenter, written by the server on `question:ask`. */
export const QuestionRecord = z.object({
  text: text(1000),
  authorId: z.string().min(1),
  stage: SlotStage,
  askedAt: z.number(),
  editedAt: z.number().nullable(),
  /** Reasons the advice check gave (codes), when it was sent with a flag. */
  adviceFlags: z.array(z.string()),
  /** The presenter marked it as having helped. */
  helped: z.boolean(),
  withdrawn: z.boolean(),
});
export type QuestionRecord = z.infer<typeof QuestionRecord>;

/** A published version of the ground rules. */
export const ContractVersion = z.object({
  version: z.number().int().min(1),
  text: text(20_000),
  publishedAt: z.number(),
  publishedBy: z.string().min(1),
});
export type ContractVersion = z.infer<typeof ContractVersion>;

/** One member's agreement to a version of the ground rules. */
export const ContractAgreement = z.object({
  version: z.number().int().min(1),
  agreedAt: z.number(),
});
export type ContractAgreement = z.infer<typeof ContractAgreement>;

/** One dated entry of a learning log; its prose is the root `entry:<id>`. */
export const LogEntryRecord = z.object({
  /** The day it is about, `YYYY-MM-DD`. */
  date: CalendarDate,
  title: text(200),
  /** The set and meeting it reflects on, when it is a meeting's entry. */
  setId: z.string().max(64).nullable(),
  meetingNumber: z.number().int().min(1).nullable(),
  createdAt: z.number(),
});
export type LogEntryRecord = z.infer<typeof LogEntryRecord>;

/**
 * "My actions" and report-backs on the wire (docs/api.md): the actions a person owns across their
 * sets, read from the slots' boards by the server, and the status changes they make there.
 */
import { z } from 'zod';
import { ActionRecord, ActionStatus, ObjectiveRecord } from '../../domain/boards/board-records.js';
import { EntityId } from './common.js';

/** One action, and where it came from. */
export const OwnedAction = z.object({
  setId: EntityId,
  setName: z.string(),
  /** The meeting it was made in (0 for the set's first). */
  meetingIndex: z.number().int(),
  slotId: z.string(),
  actionId: z.string(),
  action: ActionRecord,
  /** Due before today and still open. */
  overdue: z.boolean(),
});
export type OwnedAction = z.infer<typeof OwnedAction>;

/** One of my objectives (or my set's), with its reviews over time. */
export const OwnedObjective = z.object({
  setId: EntityId,
  setName: z.string(),
  /** `set`: the set's shared objective; `personal`: one of mine. */
  scope: z.enum(['set', 'personal']),
  /** How many meetings the set plans: the chart's width. */
  meetingCount: z.number().int(),
  objectiveId: z.string(),
  objective: ObjectiveRecord,
});
export type OwnedObjective = z.infer<typeof OwnedObjective>;

/** `GET /api/my/actions`: my actions by due date, and my objectives. */
export const MyActionsView = z.object({
  today: z.string(),
  actions: z.array(OwnedAction),
  objectives: z.array(OwnedObjective),
});
export type MyActionsView = z.infer<typeof MyActionsView>;

/** `POST /api/sets/:setId/actions/:slotId/:actionId`: a new status and a progress note. */
export const UpdateActionRequest = z.object({
  status: ActionStatus,
  note: z
    .string()
    .trim()
    .max(1000, 'Keep the progress note to 1,000 characters or fewer')
    .default(''),
});
export type UpdateActionRequest = z.input<typeof UpdateActionRequest>;

/** One presenter's actions from one meeting, for the next meeting's check-in. */
export const PresenterActions = z.object({
  personId: EntityId,
  slotId: z.string(),
  actions: z.array(z.object({ actionId: z.string(), action: ActionRecord })),
});
export type PresenterActions = z.infer<typeof PresenterActions>;

/**
 * `GET /api/sets/:setId/meetings/:meetingIndex/actions`: the actions each presenter took away
 * from that meeting, with their status now: what they report back on at the next check-in.
 */
export const MeetingActions = z.object({
  meetingIndex: z.number().int(),
  presenters: z.array(PresenterActions),
});
export type MeetingActions = z.infer<typeof MeetingActions>;

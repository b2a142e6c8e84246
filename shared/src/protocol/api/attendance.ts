/** Apologies and attendance on the wire (docs/api.md). No board content ever travels here. */
import { z } from 'zod';
import { AttendanceStatus } from '../../domain/meeting/meeting-state.js';
import { EntityId } from './common.js';
import { MeetingProgressSchema } from './sets.js';

/** `POST /api/sets/:setId/meetings/:meetingIndex/apologies`: send apologies, with a message. */
export const SendApologiesRequest = z.object({
  message: z
    .string()
    .trim()
    .max(1000, 'Keep the message to the facilitator to 1,000 characters or fewer')
    .default(''),
});
export type SendApologiesRequest = z.input<typeof SendApologiesRequest>;

/** The signed-in person's apologies for each of the set's meetings (null: none sent). */
export const MyApologies = z.object({
  meetings: z.array(
    z
      .object({ meetingIndex: z.number().int(), message: z.string(), sentAt: z.number() })
      .nullable(),
  ),
});
export type MyApologies = z.infer<typeof MyApologies>;

/** One person at one meeting: whether they came. `expected`: not yet known. */
export const AttendanceMark = z.object({
  personId: EntityId,
  status: AttendanceStatus,
  /** Their message with the apologies: only the facilitator sees it. */
  apologyMessage: z.string().optional(),
});
export type AttendanceMark = z.infer<typeof AttendanceMark>;

/** `GET /api/sets/:setId/attendance`: who came to each meeting, and each member's rate. */
export const AttendanceReport = z.object({
  meetings: z.array(
    z.object({
      meetingIndex: z.number().int(),
      date: z.string(),
      progress: MeetingProgressSchema,
      marks: z.array(AttendanceMark),
    }),
  ),
  rates: z.array(
    z.object({
      personId: EntityId,
      /** Held meetings this person was in the set for. */
      held: z.number().int(),
      /** Of those, the ones they came to (on time or late). */
      attended: z.number().int(),
      apologies: z.number().int(),
    }),
  ),
});
export type AttendanceReport = z.infer<typeof AttendanceReport>;

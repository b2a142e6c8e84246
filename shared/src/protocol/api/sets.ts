import { z } from 'zod';
import { EntityId, IsoDate, requiredText, TimeOfDay } from './common.js';
import { nameText } from '../../domain/names.js';
import { PersonSummary } from './people.js';

/** One planned meeting of a set. */
export const MeetingPlan = z
  .object({
    date: IsoDate,
    startTime: TimeOfDay,
    endTime: TimeOfDay,
    place: z.string().trim().max(200, 'The place must be 200 characters or fewer').default(''),
    videoLink: z
      .union([
        z.literal(''),
        z.url({ protocol: /^https$/, error: 'Enter a link starting https://' }),
      ])
      .default(''),
  })
  .refine((meeting) => meeting.endTime > meeting.startTime, {
    message: 'The meeting must end after it starts',
    path: ['endTime'],
    // Only once both times are valid: a malformed time already has its own message.
    when: (payload) => {
      const times = payload.value as { startTime?: unknown; endTime?: unknown } | undefined;
      return (
        TimeOfDay.safeParse(times?.startTime).success && TimeOfDay.safeParse(times?.endTime).success
      );
    },
  });
export type MeetingPlan = z.infer<typeof MeetingPlan>;

/** The choices a set makes about how it works (docs/domain.md, "Settings a set chooses"). */
export const SetSettings = z.object({
  timeAllocation: z.enum(['equal', 'bid']).default('equal'),
  timing: z.enum(['strict', 'advisory']).default('advisory'),
  advicePolicy: z
    .enum(['questions_only', 'offers_round_if_presenter_opts_in'])
    .default('questions_only'),
  facilitatorAsksContentQuestions: z.boolean().default(false),
  /**
   * Who may put a question in the question stages: `floor`, only the member holding the floor
   * (one question and one follow-up, then the floor passes to the next hand); `open`, any member
   * present (raised hands are a courtesy queue, with no limit and no automatic passing).
   */
  queue: z.enum(['floor', 'open']).default('floor'),
  /**
   * A question that looks like disguised advice: `flag`, sent with a flag the set can see;
   * `hold`, held back so its author can reword it.
   */
  adviceCheck: z.enum(['flag', 'hold']).default('flag'),
  notesPolicy: z.enum(['presenter_only', 'scribe_for_presenter', 'open']).default('presenter_only'),
  quorum: z.number().int().min(2, 'A quorum is at least 2').max(12).default(4),
});
export type SetSettings = z.infer<typeof SetSettings>;

/** How many members (not counting the facilitator) the set should have. */
export const SizeLimits = z
  .object({
    min: z.number().int().min(2).max(12).default(4),
    max: z.number().int().min(2).max(12).default(8),
  })
  .refine((limits) => limits.min <= limits.max, {
    message: 'The smallest size must not be more than the largest',
    path: ['max'],
  });
export type SizeLimits = z.infer<typeof SizeLimits>;

export const SetLifecycle = z.enum(['forming', 'active', 'closing', 'closed']);
export type SetLifecycle = z.infer<typeof SetLifecycle>;

/** Where each planned meeting stands (`MeetingProgress` in shared/src/domain/set-year.ts). */
export const MeetingProgressSchema = z.enum(['planned', 'opened', 'running', 'held']);

/** `POST /api/sets`: an organiser creates a set. */
export const CreateSetRequest = z.object({
  name: nameText('a name for the set', 120),
  purpose: requiredText('the purpose of the set', 2000),
  meetings: z.array(MeetingPlan).min(1, 'Plan at least one meeting').max(12),
  sizeLimits: SizeLimits.default({ min: 4, max: 8 }),
  settings: SetSettings.default(SetSettings.parse({})),
});
export type CreateSetRequest = z.input<typeof CreateSetRequest>;

/** `PATCH /api/sets/:setId`: change any of the set's details. */
export const UpdateSetRequest = z
  .object({
    name: nameText('a name for the set', 120),
    purpose: requiredText('the purpose of the set', 2000),
    meetings: z.array(MeetingPlan).min(1).max(12),
    sizeLimits: SizeLimits,
    settings: SetSettings,
    lifecycle: SetLifecycle,
  })
  .partial();
export type UpdateSetRequest = z.input<typeof UpdateSetRequest>;

export const SetRole = z.enum(['facilitator', 'member']);
export type SetRole = z.infer<typeof SetRole>;

/** A person's place in a set. Removed members stay listed for the record of attendance. */
export const Membership = z.object({
  person: PersonSummary,
  role: SetRole,
  status: z.enum(['active', 'removed']),
  joinedAt: z.number(),
  /** The member has asked to take over facilitation. */
  requestedFacilitation: z.boolean(),
});
export type Membership = z.infer<typeof Membership>;

/** A warning about the set's mix (docs/domain.md: different organisations, similar levels, size). */
export const CompositionWarning = z.object({
  kind: z.enum(['same_organisation', 'band_spread', 'too_small', 'too_large', 'no_facilitator']),
  message: z.string(),
});
export type CompositionWarning = z.infer<typeof CompositionWarning>;

/** How the caller relates to a set; organisers who are not in the set see no content. */
export const ViewerRole = z.enum(['organiser', 'facilitator', 'member']);
export type ViewerRole = z.infer<typeof ViewerRole>;

/** `GET /api/sets/:setId`. */
export const SetView = z.object({
  id: EntityId,
  name: z.string(),
  purpose: z.string(),
  lifecycle: SetLifecycle,
  meetings: z.array(MeetingPlan),
  /** Where each planned meeting stands, in `meetings` order. */
  meetingProgress: z.array(MeetingProgressSchema),
  /** Index in `meetings` of the next meeting not yet held, or null when the year is over. */
  nextMeetingIndex: z.number().int().nullable(),
  sizeLimits: SizeLimits,
  settings: SetSettings,
  groundRules: z.array(z.string()),
  members: z.array(Membership),
  viewerRole: ViewerRole,
  /** Only for organisers and the facilitator. */
  composition: z.array(CompositionWarning).optional(),
});
export type SetView = z.infer<typeof SetView>;

/** An entry of "My sets" or of the organiser's dashboard. */
export const SetSummary = z.object({
  id: EntityId,
  name: z.string(),
  lifecycle: SetLifecycle,
  viewerRole: ViewerRole,
  nextMeeting: MeetingPlan.nullable(),
  /** 1 for the set's first meeting: which of its meetings `nextMeeting` is. */
  nextMeetingNumber: z.number().int().nullable(),
  memberCount: z.number().int(),
  warningCount: z.number().int(),
});
export type SetSummary = z.infer<typeof SetSummary>;

/** `GET /api/my/sets` and `GET /api/sets`. */
export const SetList = z.object({ sets: z.array(SetSummary) });
export type SetList = z.infer<typeof SetList>;

import { z } from 'zod';

/** Retention after the set closes, in months: the default and the limits an organiser may set. */
export const RETENTION_MONTHS = { default: 12, min: 1, max: 72 } as const;

/** What happens to what a former member wrote in shared sections (docs/privacy.md). */
export const FormerMemberWords = z.enum(['remove', 'keep', 'member_chooses']);
export type FormerMemberWords = z.infer<typeof FormerMemberWords>;

export const SetPrivacy = z.object({
  formerMemberWords: FormerMemberWords,
  retentionMonths: z
    .number()
    .int('Give a whole number of months')
    .min(RETENTION_MONTHS.min, `Keep content for at least ${RETENTION_MONTHS.min} month`)
    .max(RETENTION_MONTHS.max, `Keep content for at most ${RETENTION_MONTHS.max} months`),
  /** When the set was closed (as the retention scan first saw it), or null. */
  closedAt: z.number().nullable(),
  /** When members were told the content will be deleted, or null. */
  warnedAt: z.number().nullable(),
  /** When the content was deleted, or null. */
  purgedAt: z.number().nullable(),
});
export type SetPrivacy = z.infer<typeof SetPrivacy>;

export const UpdateSetPrivacyRequest = SetPrivacy.pick({
  formerMemberWords: true,
  retentionMonths: true,
})
  .partial()
  .strict()
  .refine((change) => Object.keys(change).length > 0, { message: 'Say what to change' });
export type UpdateSetPrivacyRequest = z.input<typeof UpdateSetPrivacyRequest>;

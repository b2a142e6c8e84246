/**
 * The one-question pulse at the process review: "How useful was today?", 1 to 5, anonymous to
 * the set. Only the counts are kept and shown; who answered is kept apart, only to stop a
 * second answer.
 */
import { z } from 'zod';

export const PULSE_QUESTION = 'How useful was today?';

export const PulseRequest = z.object({
  score: z.number().int().min(1, 'Choose from 1 to 5').max(5, 'Choose from 1 to 5'),
});

/** How many gave each score (index 0: a score of 1), and whether the asker has answered. */
export const PulseView = z.object({
  counts: z.array(z.number().int().nonnegative()).length(5),
  answered: z.boolean(),
});
export type PulseView = z.infer<typeof PulseView>;

/**
 * Keeping words the server gave back (a section that closed while someone typed) in the writer's
 * own learning log (docs/api.md): the server adds them as a new dated entry.
 */
import { z } from 'zod';
import { requiredText } from './common.js';

/** `POST /api/my/log/kept`. */
export const KeepInLogRequest = z.strictObject({
  /** The words given back, exactly as shown to the person. */
  text: requiredText('the words to keep', 20_000),
  /** Where they were written, for the entry's title, e.g. "Reflections on Amira's slot". */
  from: requiredText('where the words were written', 200),
});
export type KeepInLogRequest = z.infer<typeof KeepInLogRequest>;

export const KeptInLog = z.object({
  /** The new entry's id in the log (`logEntries`); its prose is the root `entry:<id>`. */
  entryId: z.string(),
});
export type KeptInLog = z.infer<typeof KeptInLog>;

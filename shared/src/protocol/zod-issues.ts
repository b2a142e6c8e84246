import type { z } from 'zod';
import type { AckError } from './ack.js';

/** Turns zod issues into the `issues` list of a validation error, with dotted paths. */
export function describeZodIssues(error: z.ZodError): NonNullable<AckError['issues']> {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(payload)',
    message: issue.message,
  }));
}

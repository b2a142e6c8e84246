import { z } from 'zod';
import { ErrorCode } from '../errors.js';

/** Opaque ids the server makes: 16 random bytes, base64url (22 characters). */
export const EntityId = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'Not a valid id');
export type EntityId = z.infer<typeof EntityId>;

/** A secret token in a link: 32 random bytes, base64url (43 characters). */
export const LinkToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'This link is not complete');
export type LinkToken = z.infer<typeof LinkToken>;

/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date('Enter a real date');
/** A 24-hour time of day, `HH:MM`. */
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time like 09:30');

/** Trimmed, non-empty text of at most `max` characters, with a message people understand. */
export function requiredText(label: string, max: number) {
  return z
    .string(`Enter ${label}`)
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${capitalise(label)} must be ${max} characters or fewer`);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Every error an API route answers with: `{ error: { code, message, issues? } }`. */
export const ApiErrorBody = z.object({
  error: z.object({
    code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** An empty successful reply. */
export const Done = z.object({ done: z.literal(true) });
export type Done = z.infer<typeof Done>;

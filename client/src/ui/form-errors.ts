import type { z } from 'zod';
import type { FieldIssue } from '../api/api-error';

/** Error messages by dotted field path (`profile.name`, `meetings.0.endTime`). */
export type FieldErrors = Readonly<Record<string, string>>;

export const NO_ERRORS: FieldErrors = {};

/** The element id of the field at `path`: `meetings.0.endTime` → `meetings-0-endTime`. */
export function fieldId(path: string): string {
  return path.replaceAll('.', '-');
}

/** Issues as field errors, keeping the first message for each path. */
export function errorsFromIssues(issues: readonly FieldIssue[]): FieldErrors {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[issue.path] ??= issue.message;
  return errors;
}

/** A failed zod parse as field errors, with the same dotted paths the server reports. */
export function errorsFromZod(error: z.ZodError): FieldErrors {
  return errorsFromIssues(
    error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    })),
  );
}

/** One line of an error summary: the message and the field it links to (null: no field). */
export interface SummaryItem {
  fieldId: string | null;
  message: string;
}

/** The path under which a form keeps a problem that belongs to no field. */
export const FORM_PROBLEM = '';

/**
 * Orders errors as their fields appear on the page (`fieldOrder`, a list of paths), so the
 * summary reads top to bottom. Errors for paths the page has no field for go last, unlinked.
 */
export function summariseErrors(errors: FieldErrors, fieldOrder: readonly string[]): SummaryItem[] {
  const rank = (path: string): number => {
    const index = fieldOrder.indexOf(path);
    return index === -1 ? fieldOrder.length : index;
  };
  return Object.keys(errors)
    .sort((a, b) => rank(a) - rank(b))
    .map((path) => ({
      fieldId: fieldOrder.includes(path) ? fieldId(path) : null,
      message: errors[path] ?? '',
    }));
}

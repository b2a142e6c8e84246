import type { FieldErrors } from '../../ui/form-errors';

/** What building a record from a form gives: the record, or messages by field name. */
export type BuildResult<T> = { ok: true; record: T } | { ok: false; errors: FieldErrors };

/** Collects messages by field name; `result` turns them into a `BuildResult`. */
export class ErrorList {
  private readonly errors: Record<string, string> = {};

  add(field: string, message: string): void {
    this.errors[field] ??= message;
  }

  /** Adds `message` when `text` is longer than `max` characters. */
  tooLong(field: string, text: string, max: number, label: string): void {
    if (text.length > max) this.add(field, `${label} must be ${max} characters or fewer`);
  }

  result<T>(record: () => T): BuildResult<T> {
    if (Object.keys(this.errors).length > 0) return { ok: false, errors: { ...this.errors } };
    return { ok: true, record: record() };
  }
}

/** The same messages under each field's full path (`action-<id>.what`), for ids on the page. */
export function prefixErrors(errors: FieldErrors, prefix: string): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [`${prefix}.${field}`, message]),
  );
}

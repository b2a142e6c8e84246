import { z } from 'zod';

/**
 * Collaborative documents are addressed as `<kind>:<id>` and served at `/yjs/<kind>:<id>`: the
 * boards of docs/architecture.md, each belonging to a set (`set`, `meeting`, `slot`) or to one
 * person (`log`).
 */
export const DOC_KINDS = ['set', 'meeting', 'slot', 'log'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

/** Longest id part of a doc name; ids are opaque, URL-safe strings. */
export const MAX_DOC_ID_LENGTH = 64;

export const DocName = z
  .string()
  .regex(
    new RegExp(`^(${DOC_KINDS.join('|')}):[A-Za-z0-9_-]{1,${MAX_DOC_ID_LENGTH}}$`),
    'A document name is <kind>:<id> with a known kind and a URL-safe id',
  );
export type DocName = z.infer<typeof DocName>;

/** Splits a valid doc name into its kind and id. */
export function parseDocName(name: string): { kind: DocKind; id: string } | null {
  const parsed = DocName.safeParse(name);
  if (!parsed.success) return null;
  const [kind, id] = parsed.data.split(':') as [DocKind, string];
  return { kind, id };
}

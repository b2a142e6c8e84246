/**
 * A fresh id for a record in a board's map: random (122 bits), URL-safe, and unguessable, so two
 * people adding records at once never pick the same key (a Y.Map key set twice keeps only one).
 */
export function newRecordId(): string {
  return crypto.randomUUID();
}

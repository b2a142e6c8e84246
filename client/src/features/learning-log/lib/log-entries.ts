/**
 * The learning log's dated entries (BOARD_ROOTS.log): records in `logEntries`, each entry's prose
 * in its own root `entry:<id>`. The log from before entries were dated (`entries`) is shown as
 * the first entry, "Earlier notes", so nothing written then is lost.
 */
import { LogEntryRecord, personalRoot } from '@setboard/shared';
import type * as Y from 'yjs';
import { createRecord, readRecords } from '../../../boards/records/record-store';

export const LOG_ENTRIES_ROOT = 'logEntries';
export const EARLIER_NOTES_ROOT = 'entries';

export interface LogEntry {
  id: string;
  record: LogEntryRecord;
}

/** The root holding an entry's prose. */
export function entryRoot(entryId: string): string {
  return personalRoot('entry', entryId);
}

/** The entries, newest day first. */
export function readEntries(root: Y.Map<unknown>): LogEntry[] {
  return readRecords(root, LogEntryRecord).sort(
    (a, b) => b.record.date.localeCompare(a.record.date) || b.record.createdAt - a.record.createdAt,
  );
}

/** Adds an entry (its prose root starts empty, and is created on first typing). */
export function addEntry(doc: Y.Doc, id: string, record: LogEntryRecord): void {
  createRecord(doc, LOG_ENTRIES_ROOT, id, record);
}

/** The entry for a set's meeting, if the log has one already. */
export function entryForMeeting(
  entries: readonly LogEntry[],
  setId: string,
  meetingNumber: number,
): LogEntry | null {
  return (
    entries.find(
      (entry) => entry.record.setId === setId && entry.record.meetingNumber === meetingNumber,
    ) ?? null
  );
}

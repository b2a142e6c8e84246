/**
 * The organiser's cycle report (docs/privacy.md, "Exports"): numbers only, never content —
 * for each planned meeting whether it was held, attendance, presenters, actions committed and
 * completed, objective counts and the average review rating. Kept as a record (collection
 * `cycle-reports`) when the set's content is purged at the end of retention, so it outlives it.
 */
import { ActionRecord, meetingIdOf, ObjectiveRecord } from '@setboard/shared';
import type { SetRecord } from '../access/records.js';
import { readStoredDoc, recordsOf } from '../boards/stored-board.js';
import { ukDate } from '../privacy/html.js';
import type { Store } from '../store/store.js';
import type { RecordDeps } from './meeting-record.js';
import type { RecordDocument } from './record-blocks.js';

export const CYCLE_REPORTS_COLLECTION = 'cycle-reports';

export interface CycleReportRow {
  meetingNumber: number;
  date: string;
  held: boolean;
  present: number;
  expected: number;
  presenters: number;
  actionsCommitted: number;
  actionsCompleted: number;
  setObjectives: number;
  personalObjectives: number;
  /** Average rating (1-5) of the objective reviews made at this meeting, or null if none. */
  averageRating: number | null;
}

export interface CycleReport {
  setName: string;
  rows: CycleReportRow[];
  /** When the set's content was purged and this report kept instead, or null. */
  frozenAt: number | null;
}

/** Actions still being drafted were not committed to. */
const NOT_COMMITTED = new Set(['draft']);

/** The report: the kept one if the set's content was purged, else worked out now. */
export async function cycleReportOf(deps: RecordDeps, set: SetRecord): Promise<CycleReport> {
  const kept = await deps.store.get<CycleReport>(CYCLE_REPORTS_COLLECTION, set.id);
  if (kept) return kept.value;
  return { setName: set.name, rows: await workOut(deps, set), frozenAt: null };
}

/** Keeps the report as it stands (before a purge); later reads return this. */
export async function freezeCycleReport(deps: RecordDeps, set: SetRecord, at: number) {
  const report = { ...(await cycleReportOf(deps, set)), frozenAt: at };
  const stored = await deps.store.get(CYCLE_REPORTS_COLLECTION, set.id);
  await deps.store.put(CYCLE_REPORTS_COLLECTION, set.id, report, stored?.version ?? 0);
}

async function workOut(deps: RecordDeps, set: SetRecord): Promise<CycleReportRow[]> {
  const objectives = await readStoredDoc(deps.store, `set:${set.id}`, (doc) => {
    const roots = [...doc.share.keys()].filter(
      (root) => root === 'setObjectives' || root.startsWith('personalObjectives:'),
    );
    return roots.flatMap((root) =>
      recordsOf(doc, root, ObjectiveRecord).map(({ record }) => ({
        personal: root !== 'setObjectives',
        reviews: Object.values(record.reviews),
      })),
    );
  });
  const rows: CycleReportRow[] = [];
  for (let index = 0; index < set.meetings.length; index++) {
    const meeting = await deps.meetings.get(meetingIdOf(set.id, index));
    const state = meeting?.state;
    const held = state !== undefined && state.startedAt !== null;
    const attendance = Object.values(state?.attendance ?? {});
    const presented = (state?.slots ?? []).filter((slot) => slot.status === 'complete');
    let committed = 0;
    let completed = 0;
    for (const slot of presented) {
      const actions = await actionsOf(deps.store, slot.id);
      committed += actions.filter((status) => !NOT_COMMITTED.has(status)).length;
      completed += actions.filter((status) => status === 'done').length;
    }
    const ratings = objectives.flatMap((objective) =>
      objective.reviews.filter((r) => r.meetingNumber === index + 1).map((r) => r.rating),
    );
    rows.push({
      meetingNumber: index + 1,
      date: set.meetings[index]!.date,
      held,
      present: attendance.filter((entry) => entry.status === 'present' || entry.status === 'late')
        .length,
      expected: attendance.length,
      presenters: presented.length,
      actionsCommitted: committed,
      actionsCompleted: completed,
      setObjectives: objectives.filter((objective) => !objective.personal).length,
      personalObjectives: objectives.filter((objective) => objective.personal).length,
      averageRating:
        ratings.length === 0
          ? null
          : Math.round((ratings.reduce((sum, rating) => sum + rating, 0) / ratings.length) * 10) /
            10,
    });
  }
  return rows;
}

async function actionsOf(store: Store, slotId: string): Promise<string[]> {
  return readStoredDoc(store, `slot:${slotId}`, (doc) =>
    recordsOf(doc, 'actions', ActionRecord).map(({ record }) => record.status),
  );
}

const HEAD = [
  'Meeting',
  'Date',
  'Held',
  'Present',
  'Expected',
  'Attendance rate',
  'Presenters',
  'Actions committed',
  'Actions completed',
  'Set objectives',
  'Individual objectives',
  'Average review rating',
];

function cells(row: CycleReportRow): string[] {
  const rate = row.expected === 0 ? '' : `${Math.round((row.present / row.expected) * 100)}%`;
  return [
    String(row.meetingNumber),
    row.date,
    row.held ? 'yes' : 'no',
    String(row.present),
    String(row.expected),
    rate,
    String(row.presenters),
    String(row.actionsCommitted),
    String(row.actionsCompleted),
    String(row.setObjectives),
    String(row.personalObjectives),
    row.averageRating === null ? '' : String(row.averageRating),
  ];
}

/** RFC 4180 CSV; a cell starting with = + - @ is prefixed with ' so spreadsheets never run it. */
export function cycleReportCsv(report: CycleReport): string {
  const quote = (cell: string) => {
    const safe = /^[=+\-@]/.test(cell) ? `'${cell}` : cell;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return (
    [HEAD, ...report.rows.map(cells)].map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n'
  );
}

export function cycleReportDocument(report: CycleReport): RecordDocument {
  return {
    title: `${report.setName}: cycle report`,
    subtitle:
      report.frozenAt === null
        ? 'Numbers only: no content from the set’s boards.'
        : `Numbers only, kept when the set’s content was deleted on ${ukDate(report.frozenAt)}.`,
    blocks: [{ kind: 'table', head: HEAD, rows: report.rows.map(cells) }],
  };
}

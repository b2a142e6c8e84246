/**
 * Who may change an action, and how its status may move (docs/protocol.md, W2). One rule for
 * every path: the slot board's write gate, the client's field locks, and "My actions", where
 * the server writes a status change into the slot's board on the presenter's behalf.
 */
import { ActionStatus, type ActionRecord } from './board-records.js';

/** An action is its presenter's alone: only they create, change or report on it. */
export function mayChangeAction(slot: { presenterId: string }, personId: string): boolean {
  return slot.presenterId === personId;
}

const ALL_STATUSES = ActionStatus.options;

/**
 * The statuses an action can move to from `current` (null: a new action). Once committed, an
 * action is on the record and never goes back to draft; a new one can be committed at once.
 */
export function actionStatusChoices(current: ActionStatus | null): ActionStatus[] {
  if (current === null) return ['draft', 'committed'];
  if (current === 'draft') return ALL_STATUSES.slice();
  return ALL_STATUSES.filter((status) => status !== 'draft');
}

/** A status change with a progress note, as "My actions" sends it. */
export interface ActionProgressUpdate {
  status: ActionStatus;
  note: string;
}

/** What is wrong with a status change (field → message); empty when it may be saved. */
export function actionUpdateIssues(
  current: Pick<ActionRecord, 'status'>,
  update: ActionProgressUpdate,
): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (!actionStatusChoices(current.status).includes(update.status)) {
    issues.push({ path: 'status', message: 'Choose a status this action can move to' });
  }
  if (update.status === 'dropped' && update.note.trim() === '') {
    issues.push({ path: 'note', message: 'Say why you are dropping this action' });
  }
  if (update.status === current.status && update.note.trim() === '') {
    issues.push({ path: 'note', message: 'Change the status or write a progress note' });
  }
  return issues;
}

/** Actions still to do: not yet reported on as finished one way or another. */
export function isOpenAction(status: ActionStatus): boolean {
  return status === 'draft' || status === 'committed' || status === 'in_progress';
}

/**
 * A presenter's action as typed into its form, and the `ActionRecord` built from it
 * (docs/domain.md, "Objectives, actions, accountability").
 */
import type { ActionRecord, ActionStatus } from '@setboard/shared';
import { actionStatusChoices } from '@setboard/shared';

/** The shared rule, for the form's status choices. */
export { actionStatusChoices };
import { type DateParts, partsFromIso, EMPTY_DATE } from '../../ui/date-parts';
import { type BuildResult, ErrorList } from './form-result';
import { parseOptionalDate } from './record-dates';

export interface ActionDraft {
  what: string;
  intendedOutcome: string;
  howWillIKnow: string;
  due: DateParts;
  status: ActionStatus;
  statusNote: string;
}

/** The form's fields in page order, for the error summary. */
export const ACTION_FIELDS = [
  'what',
  'intendedOutcome',
  'howWillIKnow',
  'due',
  'status',
  'statusNote',
] as const;

/** A new action: due at the next meeting unless the presenter changes it. */
export function newActionDraft(defaultDue: string): ActionDraft {
  return {
    what: '',
    intendedOutcome: '',
    howWillIKnow: '',
    due: defaultDue ? partsFromIso(defaultDue) : EMPTY_DATE,
    status: 'draft',
    statusNote: '',
  };
}

export function draftFromAction(action: ActionRecord): ActionDraft {
  return {
    what: action.what,
    intendedOutcome: action.intendedOutcome,
    howWillIKnow: action.howWillIKnow,
    due: action.due ? partsFromIso(action.due) : EMPTY_DATE,
    status: action.status,
    statusNote: action.statusNote,
  };
}

/**
 * Checks the draft and builds the record. `previous` is the saved action (null for a new one):
 * its creation time is kept, and carrying an action forward needs a date after its old one.
 */
export function buildAction(
  draft: ActionDraft,
  previous: ActionRecord | null,
  now: number,
): BuildResult<ActionRecord> {
  const errors = new ErrorList();
  const what = draft.what.trim();
  if (what === '') errors.add('what', 'Enter what you will do');
  errors.tooLong('what', what, 500, 'What you will do');
  errors.tooLong('intendedOutcome', draft.intendedOutcome.trim(), 500, 'The intended outcome');
  errors.tooLong('howWillIKnow', draft.howWillIKnow.trim(), 500, 'How you will know');
  const due = parseOptionalDate(draft.due);
  if (!due.ok) errors.add('due', 'The date it is due must be a real date, like 14 12 2027');
  else if (due.date === '') errors.add('due', 'Enter the date it is due');
  if (!actionStatusChoices(previous?.status ?? null).includes(draft.status)) {
    errors.add('status', 'Choose a status this action can move to');
  }
  const statusNote = draft.statusNote.trim();
  if (draft.status === 'dropped' && statusNote === '') {
    errors.add('statusNote', 'Say why you are dropping this action');
  }
  const carrying = draft.status === 'carried_forward' && previous?.status !== 'carried_forward';
  if (carrying && due.ok && previous && due.date <= previous.due) {
    errors.add('due', 'To carry this action forward, enter a new date after the old one');
  }
  errors.tooLong('statusNote', statusNote, 2000, 'What you learned');
  return errors.result(() => ({
    what,
    intendedOutcome: draft.intendedOutcome.trim(),
    howWillIKnow: draft.howWillIKnow.trim(),
    due: due.ok ? due.date : '',
    status: draft.status,
    statusNote,
    createdAt: previous?.createdAt ?? now,
    progress: previous?.progress ?? [],
  }));
}

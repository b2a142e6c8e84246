import { ActionRecord, type BoardWriteContext } from '@setboard/shared';
import { useState } from 'react';
import type * as Y from 'yjs';
import { Tag } from '../../ui/Tag';
import { draftFromAction, newActionDraft } from './action-form';
import { ActionForm } from './ActionForm';
import { actionLabels } from './action-labels';
import { DeleteRecordButton } from './DeleteRecordButton';
import { LockedNote } from './LockedNote';
import { describeDate } from './record-dates';
import { newRecordId } from './record-id';
import { type RecordEntry, createRecord, deleteRecord, updateRecord } from './record-store';
import { ACTION_STATUS_LABELS } from './status-labels';
import { SummaryRows } from './SummaryRows';
import { useRecords } from './use-records';
import { fieldAccess } from '../realtime/board-context';
import './records.css';

/** The slot board's root map of actions (BOARD_ROOTS.slot.actions). */
const ACTIONS_ROOT = 'actions';

export interface ActionsPanelProps {
  doc: Y.Doc;
  context: BoardWriteContext | null;
  /** `YYYY-MM-DD`: the next meeting's date, or '' when there is none. */
  defaultDue: string;
  /** The presenter's name, for everyone else; null when the presenter is the one reading. */
  ownerName?: string | null;
}

/** Which form is open: none, a new action, or the action with this id. */
type Editing = null | 'new' | string;

/**
 * The presenter's actions (docs/domain.md: the presenter alone creates and edits them). Everyone in
 * the set reads them; only the presenter sees the add, change and delete controls, as the write
 * rules say; everyone else sees why not.
 */
export function ActionsPanel({ doc, context, defaultDue, ownerName = null }: ActionsPanelProps) {
  const actions = useRecords(doc, ACTIONS_ROOT, ActionRecord);
  const access = fieldAccess(context, ACTIONS_ROOT);
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState('');
  const lockedReason = access.editable ? null : access.reason;

  const save = (id: string, record: ActionRecord, isNew: boolean): void => {
    if (isNew) createRecord(doc, ACTIONS_ROOT, id, record);
    else if (!updateRecord(doc, ACTIONS_ROOT, id, record)) {
      createRecord(doc, ACTIONS_ROOT, id, record);
    }
    setEditing(null);
    setSaved(isNew ? 'Action added.' : 'Action saved.');
  };
  const remove = (id: string): void => {
    deleteRecord(doc, ACTIONS_ROOT, id);
    setSaved('Action deleted.');
  };

  return (
    <section aria-labelledby="actions-heading" className="app-records" data-testid="actions-panel">
      <h2 className="nhsuk-heading-m" id="actions-heading">
        Actions
      </h2>
      <p className="nhsuk-body">
        What the presenter will do before the next meeting, and how they will know it worked. They
        report back on each at the next check-in.
      </p>
      {lockedReason && <LockedNote reason={lockedReason} />}
      {actions.length === 0 ? (
        <p className="nhsuk-body" data-testid="no-actions">
          No actions yet.
        </p>
      ) : (
        <ol className="nhsuk-list app-records__list" data-testid="actions">
          {actions.map((entry, index) => (
            <li key={entry.id} className="nhsuk-card app-record" data-testid="action">
              <div className="nhsuk-card__content">
                <h3 className="nhsuk-heading-s">Action {index + 1}</h3>
                {editing === entry.id && access.editable ? (
                  <ActionForm
                    idPrefix={`action-${entry.id}`}
                    initial={draftFromAction(entry.record)}
                    previous={entry.record}
                    lockedReason={lockedReason}
                    onSave={(record) => save(entry.id, record, false)}
                    onCancel={() => setEditing(null)}
                  />
                ) : (
                  <ActionSummary
                    entry={entry}
                    ownerName={ownerName}
                    editable={access.editable}
                    onChange={() => setEditing(entry.id)}
                    onDelete={() => remove(entry.id)}
                  />
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      {access.editable &&
        (editing === 'new' ? (
          <div className="nhsuk-card app-record">
            <div className="nhsuk-card__content">
              <h3 className="nhsuk-heading-s">New action</h3>
              <ActionForm
                idPrefix="new-action"
                initial={newActionDraft(defaultDue)}
                previous={null}
                lockedReason={lockedReason}
                onSave={(record) => save(newRecordId(), record, true)}
                onCancel={() => setEditing(null)}
              />
            </div>
          </div>
        ) : (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={() => setEditing('new')}
          >
            Add an action
          </button>
        ))}
      <p className="nhsuk-u-visually-hidden" role="status">
        {saved}
      </p>
    </section>
  );
}

interface ActionSummaryProps {
  entry: RecordEntry<ActionRecord>;
  ownerName: string | null;
  editable: boolean;
  onChange: () => void;
  onDelete: () => void;
}

function ActionSummary({ entry, ownerName, editable, onChange, onDelete }: ActionSummaryProps) {
  const { record } = entry;
  const labels = actionLabels(ownerName);
  return (
    <>
      <SummaryRows
        testId="action-summary"
        hideEmpty
        rows={[
          { key: labels.what, value: record.what },
          { key: labels.intendedOutcome, value: record.intendedOutcome },
          { key: labels.howWillIKnow, value: record.howWillIKnow },
          { key: labels.due, value: describeDate(record.due) },
          { key: labels.status, value: <Tag {...ACTION_STATUS_LABELS[record.status]} /> },
          { key: labels.statusNote, value: record.statusNote },
        ]}
      />
      {editable && (
        <div className="nhsuk-button-group">
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
            onClick={onChange}
          >
            Change<span className="nhsuk-u-visually-hidden"> action: {record.what}</span>
          </button>
          <DeleteRecordButton what="this action" onDelete={onDelete} />
        </div>
      )}
    </>
  );
}

import {
  type BoardWriteContext,
  type MeetingPlan,
  ObjectiveRecord,
  isLive,
} from '@setboard/shared';
import { type ReactNode, useState } from 'react';
import type * as Y from 'yjs';
import { Tag } from '../../ui/Tag';
import { DeleteRecordButton } from './DeleteRecordButton';
import { Heading, type HeadingLevel, below } from './Heading';
import { LockedNote } from './LockedNote';
import { NEW_OBJECTIVE_DRAFT, draftFromObjective } from './objective-form';
import { ObjectiveChart } from './ObjectiveChart';
import { ObjectiveForm } from './ObjectiveForm';
import { defaultReviewMeetingNumber, describeDate, todayIso } from './record-dates';
import { newRecordId } from './record-id';
import { type RecordEntry, createRecord, deleteRecord, updateRecord } from './record-store';
import { ReviewForm } from './ReviewForm';
import { ReviewHistory } from './ReviewHistory';
import { OBJECTIVE_STATUS_LABELS } from './status-labels';
import { SummaryRows } from './SummaryRows';
import { useRecords } from './use-records';
import { fieldAccess } from '../realtime/board-context';
import './records.css';

export interface ObjectivesPanelProps {
  doc: Y.Doc;
  context: BoardWriteContext | null;
  /** `setObjectives`, or `personalObjectives:<personId>` for one member's own. */
  rootName: string;
  heading: string;
  /** The section heading's level (2 by default); records' headings go one below. */
  headingLevel?: HeadingLevel;
  /** Unique on the page: prefixes headings' and fields' ids. */
  idPrefix: string;
  description?: ReactNode;
  /** Shown when there are none. */
  emptyText: string;
  /** The set's planned meetings: reviews are numbered by them. */
  meetings: readonly MeetingPlan[];
  nameOf: (personId: string) => string;
  /**
   * False when the page already says, once above a group of panels, why this person cannot
   * write them (everyone else's objectives): the panel then does not repeat it.
   */
  showLockedNote?: boolean;
}

/** What is open: nothing, a new objective, or a change or review of one. */
type Editing = null | { kind: 'new' } | { kind: 'change' | 'review'; id: string };

/**
 * Objectives with their reviews (docs/domain.md: measurable; reviewed at every meeting; history
 * kept). The set's own and each member's individual ones use this panel; the write rules say
 * who may change which, and everyone else reads them with the reason.
 */
export function ObjectivesPanel(props: ObjectivesPanelProps) {
  const { doc, context, rootName, idPrefix } = props;
  const objectives = useRecords(doc, rootName, ObjectiveRecord);
  const access = fieldAccess(context, rootName);
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState('');
  const lockedReason = access.editable ? null : access.reason;

  const save = (id: string, fields: Partial<ObjectiveRecord>, message: string): void => {
    updateRecord(doc, rootName, id, fields);
    setEditing(null);
    setSaved(message);
  };
  const add = (record: ObjectiveRecord): void => {
    createRecord(doc, rootName, newRecordId(), record);
    setEditing(null);
    setSaved('Objective added.');
  };
  const remove = (id: string): void => {
    deleteRecord(doc, rootName, id);
    setSaved('Objective deleted.');
  };
  const live = context?.meeting && isLive(context.meeting) ? context.meeting : null;
  const reviewAt = defaultReviewMeetingNumber(
    props.meetings,
    todayIso(),
    live?.meetingNumber ?? null,
  );

  const headingId = `${idPrefix}-heading`;
  const level = props.headingLevel ?? 2;
  return (
    <section aria-labelledby={headingId} className="app-records" data-testid={idPrefix}>
      <Heading level={level} id={headingId}>
        {props.heading}
      </Heading>
      {props.description}
      {lockedReason && props.showLockedNote !== false && <LockedNote reason={lockedReason} />}
      {objectives.length === 0 ? (
        <p className="nhsuk-body" data-testid="no-objectives">
          {props.emptyText}
        </p>
      ) : (
        <ol className="nhsuk-list app-records__list">
          {objectives.map((entry) => (
            <li key={entry.id} className="nhsuk-card app-record" data-testid="objective">
              <div className="nhsuk-card__content">
                <ObjectiveItem
                  {...props}
                  entry={entry}
                  editing={access.editable && editing?.kind !== 'new' ? editing : null}
                  editable={access.editable}
                  lockedReason={lockedReason}
                  recordLevel={below(level)}
                  reviewAt={reviewAt}
                  reviewerId={context?.personId ?? ''}
                  onEdit={setEditing}
                  onSave={(fields, message) => save(entry.id, fields, message)}
                  onDelete={() => remove(entry.id)}
                />
              </div>
            </li>
          ))}
        </ol>
      )}
      {access.editable &&
        (editing?.kind === 'new' ? (
          <div className="nhsuk-card app-record">
            <div className="nhsuk-card__content">
              <Heading level={below(level)}>New objective</Heading>
              <ObjectiveForm
                idPrefix={`${idPrefix}-new`}
                initial={NEW_OBJECTIVE_DRAFT}
                previous={null}
                lockedReason={lockedReason}
                onSave={add}
                onCancel={() => setEditing(null)}
              />
            </div>
          </div>
        ) : (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={() => setEditing({ kind: 'new' })}
          >
            Add an objective
          </button>
        ))}
      <p className="nhsuk-u-visually-hidden" role="status">
        {saved}
      </p>
    </section>
  );
}

interface ObjectiveItemProps extends ObjectivesPanelProps {
  entry: RecordEntry<ObjectiveRecord>;
  editing: Editing;
  editable: boolean;
  lockedReason: string | null;
  recordLevel: HeadingLevel;
  reviewAt: number;
  reviewerId: string;
  onEdit: (editing: Editing) => void;
  onSave: (fields: Partial<ObjectiveRecord>, message: string) => void;
  onDelete: () => void;
}

function ObjectiveItem(props: ObjectiveItemProps) {
  const { entry, editing, editable, lockedReason, onEdit, onSave } = props;
  const { record } = entry;
  const fieldPrefix = `${props.idPrefix}-${entry.id}`;
  const mine = editing !== null && editing.kind !== 'new' && editing.id === entry.id;
  const heading = (
    <Heading level={props.recordLevel} className="app-preserve-lines">
      {record.statement}
    </Heading>
  );

  if (mine && editing.kind === 'change') {
    return (
      <>
        {heading}
        <ObjectiveForm
          idPrefix={fieldPrefix}
          initial={draftFromObjective(record)}
          previous={record}
          lockedReason={lockedReason}
          onSave={(next) => onSave(next, 'Objective saved.')}
          onCancel={() => onEdit(null)}
        />
      </>
    );
  }
  return (
    <>
      {heading}
      <SummaryRows
        testId="objective-summary"
        rows={[
          { key: 'Measure or evidence', value: record.measure },
          { key: 'Baseline', value: record.baseline },
          { key: 'Target', value: record.target },
          { key: 'Target date', value: describeDate(record.targetDate, '') },
          { key: 'Status', value: <Tag {...OBJECTIVE_STATUS_LABELS[record.status]} /> },
        ]}
      />
      <ObjectiveChart objective={record} meetingCount={props.meetings.length} />
      <ReviewHistory objective={record} nameOf={props.nameOf} />
      {mine && editing.kind === 'review' ? (
        <>
          <Heading level={below(props.recordLevel)}>Review this objective</Heading>
          <ReviewForm
            idPrefix={`${fieldPrefix}-review`}
            objective={record}
            meetings={props.meetings}
            defaultMeetingNumber={props.reviewAt}
            reviewerId={props.reviewerId}
            lockedReason={lockedReason}
            onSave={(fields) => onSave(fields, 'Review saved.')}
            onCancel={() => onEdit(null)}
          />
        </>
      ) : (
        editable && (
          <div className="nhsuk-button-group">
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
              onClick={() => onEdit({ kind: 'change', id: entry.id })}
            >
              Change<span className="nhsuk-u-visually-hidden"> objective: {record.statement}</span>
            </button>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
              onClick={() => onEdit({ kind: 'review', id: entry.id })}
            >
              Review<span className="nhsuk-u-visually-hidden"> objective: {record.statement}</span>
            </button>
            <DeleteRecordButton what="this objective" onDelete={props.onDelete} />
          </div>
        )
      )}
    </>
  );
}

import { type BoardWriteContext, type SetView, formatLongDate } from '@setboard/shared';
import { Link } from 'react-router';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { CollaborativeEditor } from '../../../boards/editor/CollaborativeEditor';
import { fieldAccess } from '../../../boards/realtime/board-context';
import { todayIso } from '../../../boards/records/record-dates';
import { newRecordId } from '../../../boards/records/record-id';
import { useObserved } from '../../../boards/records/use-observed';
import {
  EARLIER_NOTES_ROOT,
  LOG_ENTRIES_ROOT,
  addEntry,
  entryForMeeting,
  entryRoot,
  readEntries,
} from '../lib/log-entries';

interface LogEntriesProps {
  doc: Y.Doc;
  awareness: Awareness | null;
  context: BoardWriteContext | null;
  /** The set the log was opened from: its latest meeting gets an entry by default. */
  set: SetView | null;
}

/** Whether the log has words from before entries were dated. */
const hasEarlierNotes = (fragment: Y.XmlFragment) => fragment.length > 0;

/** The meeting of `set` to write about now: the one running, else the last held. */
function meetingToWriteAbout(set: SetView | null): number | null {
  if (!set) return null;
  const running = set.meetingProgress.indexOf('running');
  const index = running !== -1 ? running : set.meetingProgress.lastIndexOf('held');
  return index === -1 ? null : index + 1;
}

/** Dated entries, newest first, a new one per meeting by default, and the earlier notes. */
export function LogEntries({ doc, awareness, context, set }: LogEntriesProps) {
  const entries = useObserved(doc.getMap<unknown>(LOG_ENTRIES_ROOT), readEntries);
  const earlier = useObserved(doc.getXmlFragment(EARLIER_NOTES_ROOT), hasEarlierNotes);
  const access = fieldAccess(context, LOG_ENTRIES_ROOT, 'new');
  const meetingNumber = meetingToWriteAbout(set);
  const meetingHasEntry =
    set && meetingNumber !== null ? entryForMeeting(entries, set.id, meetingNumber) : null;
  const today = todayIso();

  const startMeetingEntry = () => {
    if (!set || meetingNumber === null) return;
    const plan = set.meetings[meetingNumber - 1];
    addEntry(doc, newRecordId(), {
      date: plan?.date ?? today,
      title: `Meeting ${meetingNumber} of ${set.name}`,
      setId: set.id,
      meetingNumber,
      createdAt: Date.now(),
    });
  };
  const startTodaysEntry = () =>
    addEntry(doc, newRecordId(), {
      date: today,
      title: '',
      setId: null,
      meetingNumber: null,
      createdAt: Date.now(),
    });

  return (
    <section aria-labelledby="entries-heading" data-testid="log-entries">
      <h2 className="nhsuk-heading-m" id="entries-heading">
        Entries
      </h2>
      {access.editable && (
        <div className="nhsuk-button-group">
          {set && meetingNumber !== null && !meetingHasEntry && (
            <button type="button" className="nhsuk-button" onClick={startMeetingEntry}>
              Start your entry for meeting {meetingNumber}
            </button>
          )}
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={startTodaysEntry}
          >
            New entry for today
          </button>
        </div>
      )}
      {entries.length === 0 && !earlier && (
        <p className="nhsuk-body">No entries yet. Start one after each meeting.</p>
      )}
      {entries.map(({ id, record }) => {
        const prose = fieldAccess(context, entryRoot(id));
        return (
          <article className="nhsuk-card app-log-entry" key={id} data-testid="log-entry">
            <div className="nhsuk-card__content">
              <h3 className="nhsuk-heading-s">
                {formatLongDate(record.date)}
                {record.title && <span className="app-secondary-line">{record.title}</span>}
              </h3>
              {record.setId && (
                <p className="nhsuk-body-s">
                  <Link to={`/sets/${record.setId}`}>Go to the set</Link>
                </p>
              )}
              <CollaborativeEditor
                id={`log-entry-${id}`}
                fragment={doc.getXmlFragment(entryRoot(id))}
                awareness={awareness}
                label={`Entry for ${formatLongDate(record.date)}`}
                hint="What happened, what I learned, and my next steps."
                editable={prose.editable}
                {...(prose.editable ? {} : { lockedReason: prose.reason })}
              />
            </div>
          </article>
        );
      })}
      {earlier && (
        <article className="nhsuk-card app-log-entry" data-testid="earlier-notes">
          <div className="nhsuk-card__content">
            <h3 className="nhsuk-heading-s">Earlier notes</h3>
            <p className="nhsuk-body-s app-secondary-line">
              Written before the log had dated entries.
            </p>
            <CollaborativeEditor
              id="learning-log"
              fragment={doc.getXmlFragment(EARLIER_NOTES_ROOT)}
              awareness={awareness}
              label="Earlier notes"
              editable={fieldAccess(context, EARLIER_NOTES_ROOT).editable}
            />
          </div>
        </article>
      )}
    </section>
  );
}

import type { DocName, SetView } from '@setboard/shared';
import { Link, useParams } from 'react-router';
import { BoardStatus } from '../../boards/realtime/BoardStatus';
import { useBoardContext } from '../../boards/realtime/use-board-context';
import { useBoardDoc } from '../../boards/realtime/use-board-doc';
import { LEARNING_LOG_PATH } from '@setboard/shared';
import { useSession } from '../../session/session-context';
import { BackLink } from '../../ui/BackLink';
import { LoadedSet } from '../../ui/LoadedSet';
import { Loading, SignInNeededPage } from '../../ui/problem-pages';
import { PageHeading } from '../../ui/route-focus';
import { LogEntries } from './components/LogEntries';

/** The owner's private learning log (`docs/protocol.md`: `log:<personId>`, owner only). */
function logDocName(personId: string): DocName {
  return `log:${personId}`;
}

/**
 * `/log`: the signed-in person's learning log. `/log/:personId` is the same page for its owner;
 * for anyone else it says the log is private and opens nothing.
 */
export function LearningLogPage() {
  const { personId, setId } = useParams();
  const person = useSession().view.person;
  if (!person) return <SignInNeededPage />;
  if (personId !== undefined && personId !== person.id) return <PrivateLogPage />;
  // Opened from a set: the way back leads there, and its latest meeting gets an entry.
  if (setId !== undefined) {
    return (
      <LoadedSet setId={setId}>{(set) => <LearningLog personId={person.id} set={set} />}</LoadedSet>
    );
  }
  return <LearningLog personId={person.id} set={null} />;
}

function LearningLog({ personId, set }: { personId: string; set: SetView | null }) {
  const docName = logDocName(personId);
  const board = useBoardDoc(docName);
  const context = useBoardContext(docName, null);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {set ? (
          <BackLink to={`/sets/${set.id}`}>{`Back to ${set.name}`}</BackLink>
        ) : (
          <BackLink to="/">Back to My sets</BackLink>
        )}
        <PageHeading>My learning log</PageHeading>
        <div className="nhsuk-inset-text" data-testid="log-privacy">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            <strong>Only you can read this.</strong> Your set, its facilitator and organisers cannot
            see your learning log.
          </p>
        </div>
        <p className="nhsuk-body">
          A reflective journal for your own learning across your sets’ meetings, one dated entry at
          a time. It saves as you type.
        </p>
        <BoardStatus
          board={board}
          boardName="your learning log"
          docName={docName}
          context={context}
        />
        {board.doc ? (
          <LogEntries doc={board.doc} awareness={board.awareness} context={context} set={set} />
        ) : (
          <Loading />
        )}
      </div>
    </div>
  );
}

/** Someone else's log: nothing of it is requested, so nothing of it can arrive. */
function PrivateLogPage() {
  return (
    <>
      <PageHeading>This learning log is private</PageHeading>
      <p className="nhsuk-body" data-testid="log-private">
        A learning log can only be read by the person who writes it. Not even the facilitator or an
        organiser can read it.
      </p>
      <p className="nhsuk-body">
        <Link to={LEARNING_LOG_PATH}>Go to your own learning log</Link>
      </p>
    </>
  );
}

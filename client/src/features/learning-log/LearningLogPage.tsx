import type { DocName } from '@setboard/shared';
import { Link, useParams } from 'react-router';
import { CollaborativeEditor } from '../../boards/editor/CollaborativeEditor';
import { fieldAccess } from '../../boards/realtime/board-context';
import { BoardStatus } from '../../boards/realtime/BoardStatus';
import { useBoardContext } from '../../boards/realtime/use-board-context';
import { useBoardDoc } from '../../boards/realtime/use-board-doc';
import { LEARNING_LOG_PATH } from '../../boards/records/board-paths';
import { useSession } from '../../session/session-context';
import { Loading, SignInNeededPage } from '../../ui/problem-pages';
import { PageHeading } from '../../ui/route-focus';

/** The owner's private learning log (`docs/protocol.md`: `log:<personId>`, owner only). */
function logDocName(personId: string): DocName {
  return `log:${personId}`;
}

/**
 * `/log`: the signed-in person's learning log. `/log/:personId` is the same page for its owner;
 * for anyone else it says the log is private and opens nothing.
 */
export function LearningLogPage() {
  const { personId } = useParams();
  const person = useSession().view.person;
  if (!person) return <SignInNeededPage />;
  if (personId !== undefined && personId !== person.id) return <PrivateLogPage />;
  return <LearningLog personId={person.id} />;
}

function LearningLog({ personId }: { personId: string }) {
  const docName = logDocName(personId);
  const board = useBoardDoc(docName);
  const context = useBoardContext(docName, null);
  const access = fieldAccess(context, 'entries');
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading>My learning log</PageHeading>
        <div className="nhsuk-inset-text" data-testid="log-privacy">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            <strong>Only you can read this.</strong> Your set, its facilitator and organisers cannot
            see your learning log.
          </p>
        </div>
        <p className="nhsuk-body">
          A reflective journal for your own learning across the set’s meetings. It saves as you
          type.
        </p>
        <BoardStatus board={board} />
        {board.doc ? (
          <CollaborativeEditor
            id="learning-log"
            fragment={board.doc.getXmlFragment('entries')}
            awareness={board.awareness}
            label="Learning log"
            hint="For each meeting: what happened, what I learned, and my next steps."
            editable={access.editable}
            {...(access.editable ? {} : { lockedReason: access.reason })}
          />
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

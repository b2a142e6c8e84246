import { type BoardWriteContext, type SetView, personalRoot } from '@setboard/shared';
import { useParams } from 'react-router';
import type * as Y from 'yjs';
import { BoardStatus } from '../../boards/realtime/BoardStatus';
import { useBoardContext } from '../../boards/realtime/use-board-context';
import { useBoardDoc } from '../../boards/realtime/use-board-doc';
import { ObjectivesPanel } from '../../boards/records/ObjectivesPanel';
import { useSession } from '../../session/session-context';
import { BackLink } from '../../ui/BackLink';
import { LoadedSet } from '../../ui/LoadedSet';
import { Loading, SignInNeededPage } from '../../ui/problem-pages';
import { PageHeading } from '../../ui/route-focus';
import { setDocName } from './api/set-board-api';
import { GroundRules } from './components/GroundRules';
import { activePeople, nameIn } from './lib/people';

/** `/sets/:setId/board`: the set's ground rules and objectives, for its members. */
export function SetBoardPage() {
  const { setId = '' } = useParams();
  const person = useSession().view.person;
  if (!person) return <SignInNeededPage />;
  return <LoadedSet setId={setId}>{(set) => <SetBoard set={set} selfId={person.id} />}</LoadedSet>;
}

function SetBoard({ set, selfId }: { set: SetView; selfId: string }) {
  const docName = setDocName(set.id);
  const board = useBoardDoc(docName);
  const context = useBoardContext(docName, set);
  return (
    <>
      <BackLink to={`/sets/${set.id}`}>Back to the set</BackLink>
      <PageHeading caption={set.name} title={`Set board – ${set.name}`}>
        Set board
      </PageHeading>
      <p className="nhsuk-body">
        Only the set’s members and facilitator can see this board. Changes save as you make them.
      </p>
      <BoardStatus board={board} />
      {board.doc ? (
        <>
          <GroundRules
            doc={board.doc}
            awareness={board.awareness}
            context={context}
            set={set}
            selfId={selfId}
          />
          <Objectives doc={board.doc} context={context} set={set} selfId={selfId} />
        </>
      ) : (
        <Loading />
      )}
    </>
  );
}

interface ObjectivesProps {
  doc: Y.Doc;
  context: BoardWriteContext | null;
  set: SetView;
  selfId: string;
}

/** The set's objectives, your own, and everyone else's (theirs to change, yours to read). */
function Objectives({ doc, context, set, selfId }: ObjectivesProps) {
  const nameOf = (personId: string) => nameIn(set, personId);
  const others = activePeople(set).filter((member) => member.person.id !== selfId);
  const shared = { doc, context, meetings: set.meetings, nameOf, headingLevel: 3 } as const;
  return (
    <section aria-labelledby="objectives-heading">
      <h2 className="nhsuk-heading-m" id="objectives-heading">
        Objectives
      </h2>
      <p className="nhsuk-body">
        Measurable objectives, reviewed at every meeting. Earlier reviews stay as their history.
      </p>
      <ObjectivesPanel
        {...shared}
        rootName="setObjectives"
        idPrefix="set-objectives"
        heading="The set’s objectives"
        emptyText="The set has no objectives yet."
      />
      <ObjectivesPanel
        {...shared}
        rootName={personalRoot('personalObjectives', selfId)}
        idPrefix="my-objectives"
        heading="Your objectives"
        emptyText="You have no individual objectives yet."
      />
      {others.map((member) => (
        <ObjectivesPanel
          {...shared}
          key={member.person.id}
          rootName={personalRoot('personalObjectives', member.person.id)}
          idPrefix={`objectives-${member.person.id}`}
          heading={`${member.person.name}’s objectives`}
          emptyText={`${member.person.name} has no individual objectives yet.`}
        />
      ))}
    </section>
  );
}

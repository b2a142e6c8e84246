import { type SetView, parseMeetingId } from '@setboard/shared';
import { useParams } from 'react-router';
import { BoardStatus } from '../../boards/realtime/BoardStatus';
import { useBoardContext } from '../../boards/realtime/use-board-context';
import { useBoardDoc } from '../../boards/realtime/use-board-doc';
import { useLiveMeetingOfSet } from '../../boards/realtime/use-live-meeting-of-set';
import { nameIn } from '../../boards/surfaces/set/lib/people';
import { LiveMeetingBar } from '../../live-meeting/LiveMeetingBar';
import { meetingRoomPath } from '../../live-meeting/meeting-api';
import { useSession } from '../../session/session-context';
import { BackLink } from '../../ui/BackLink';
import { LoadedSet } from '../../ui/LoadedSet';
import { Loading, SignInNeededPage } from '../../ui/problem-pages';
import { PageHeading } from '../../ui/route-focus';
import { GroundRules } from '../../boards/surfaces/set/components/GroundRules';
import { SetObjectives } from '../../boards/surfaces/set/components/SetObjectives';
import { setDocName } from '../../boards/surfaces/set/lib/set-board-api';

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
  const live = useLiveMeetingOfSet(set);
  const liveIndex = live ? (parseMeetingId(live.meetingId)?.meetingIndex ?? 0) : 0;
  return (
    <>
      <BackLink to={`/sets/${set.id}`}>Back to the set</BackLink>
      <PageHeading caption={set.name} title={`Set board – ${set.name}`}>
        Set board
      </PageHeading>
      <p className="nhsuk-body">
        Only the set’s members and facilitator can see this board. Changes save as you make them.
      </p>
      <BoardStatus
        board={board}
        boardName={`the set board of ${set.name}`}
        docName={docName}
        context={context}
      />

      <LiveMeetingBar
        state={live}
        offsetMs={0}
        nameOf={(personId) => nameIn(set, personId)}
        roomPath={meetingRoomPath(set.id, liveIndex)}
      />
      {board.doc ? (
        <>
          <GroundRules
            doc={board.doc}
            awareness={board.awareness}
            context={context}
            set={set}
            selfId={selfId}
          />
          <SetObjectives doc={board.doc} context={context} set={set} selfId={selfId} />
        </>
      ) : (
        <Loading />
      )}
    </>
  );
}

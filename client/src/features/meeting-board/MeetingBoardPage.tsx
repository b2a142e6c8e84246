import {
  type MeetingState,
  type SetView,
  formatLongDate,
  meetingIdOf,
  parseMeetingId,
} from '@setboard/shared';
import { Link, useParams } from 'react-router';
import { CollaborativeEditor } from '../../boards/editor/CollaborativeEditor';
import { fieldAccess } from '../../boards/realtime/board-context';
import { BoardStatus } from '../../boards/realtime/BoardStatus';
import { useBoardContext } from '../../boards/realtime/use-board-context';
import { useBoardDoc } from '../../boards/realtime/use-board-doc';
import { slotBoardPath } from '../../boards/records/board-paths';
import { meetingRoomPath } from '../../live-meeting/meeting-api';
import { useMeetingStates } from '../../boards/records/use-meeting-states';
import { useSession } from '../../session/session-context';
import { BackLink } from '../../ui/BackLink';
import { LoadedSet } from '../../ui/LoadedSet';
import { Loading, NotFoundPage, SignInNeededPage } from '../../ui/problem-pages';
import { PageHeading } from '../../ui/route-focus';
import { meetingDocName } from './api/meeting-board-api';
import { RoundCards } from './components/RoundCards';
import { roundCardRoot } from './lib/round-cards';

/**
 * `/sets/:setId/meetings/:meetingIndex/board`: a meeting's board — each member's expectations
 * or report-back, and the process review notes.
 */
export function MeetingBoardPage() {
  const { setId = '', meetingIndex = '' } = useParams();
  const person = useSession().view.person;
  const index = Number(meetingIndex);
  if (!person) return <SignInNeededPage />;
  if (!/^\d{1,2}$/.test(meetingIndex) || parseMeetingId(meetingIdOf(setId, index)) === null) {
    return <NotFoundPage />;
  }
  return (
    <LoadedSet setId={setId} meetingIndex={index}>
      {(set) => <MeetingBoard setId={setId} meetingIndex={index} selfId={person.id} set={set} />}
    </LoadedSet>
  );
}

interface BoardProps {
  setId: string;
  meetingIndex: number;
  selfId: string;
}

function MeetingBoard({ set, meetingIndex, selfId }: BoardProps & { set: SetView }) {
  const meetingId = meetingIdOf(set.id, meetingIndex);
  const docName = meetingDocName(meetingId);
  const board = useBoardDoc(docName);
  const [status] = useMeetingStates([meetingId]);
  const meeting = status?.kind === 'open' ? status.state : null;
  const context = useBoardContext(docName, set, meeting);
  // Until the meeting's state is known, nobody can tell whose turn it is: lock everything.
  const known = status !== undefined && status.kind !== 'loading';
  const number = meetingIndex + 1;
  const plan = set.meetings[meetingIndex];
  const processAccess = fieldAccess(known ? context : null, 'processReview');

  return (
    <>
      <BackLink to={`/sets/${set.id}`}>Back to the set</BackLink>
      <PageHeading caption={set.name} title={`Meeting ${number} board – ${set.name}`}>
        Meeting {number} board
      </PageHeading>
      <p className="nhsuk-body">
        {plan && formatLongDate(plan.date)}.{' '}
        <Link to={meetingRoomPath(set.id, meetingIndex)}>Go to the meeting {number} room</Link>
      </p>
      <BoardStatus board={board} />
      {board.doc ? (
        <>
          <RoundCards
            doc={board.doc}
            awareness={board.awareness}
            context={known ? context : null}
            set={set}
            meeting={meeting}
            root={roundCardRoot(number)}
            selfId={selfId}
          />
          <section aria-labelledby="process-review-heading">
            <h2 className="nhsuk-heading-m" id="process-review-heading">
              Process review
            </h2>
            <CollaborativeEditor
              id="process-review"
              fragment={board.doc.getXmlFragment('processReview')}
              awareness={board.awareness}
              label="Process review notes"
              hint="How the set worked today, and anything to change in the ground rules."
              editable={processAccess.editable}
              {...(processAccess.editable ? {} : { lockedReason: processAccess.reason })}
            />
          </section>
        </>
      ) : (
        <Loading />
      )}
      <Slots set={set} meetingIndex={meetingIndex} meeting={meeting} />
    </>
  );
}

function Slots({
  set,
  meetingIndex,
  meeting,
}: {
  set: SetView;
  meetingIndex: number;
  meeting: MeetingState | null;
}) {
  const slots = meeting?.slots ?? [];
  const nameOf = (personId: string) =>
    set.members.find((member) => member.person.id === personId)?.person.name ??
    'Someone who has left the set';
  return (
    <section aria-labelledby="slots-heading">
      <h2 className="nhsuk-heading-m" id="slots-heading">
        Presenters’ slots
      </h2>
      {slots.length === 0 ? (
        <p className="nhsuk-body">
          {meeting ? 'No presenters’ slots yet.' : 'Slots appear here once the room is open.'}
        </p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {slots.map((slot) => (
            <li key={slot.id}>
              <Link to={slotBoardPath(set.id, meetingIndex, slot.id)}>
                {nameOf(slot.presenterId)}’s slot board
              </Link>
              {slot.synopsis && <span className="app-secondary-line">{slot.synopsis}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

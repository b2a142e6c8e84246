import {
  type MeetingState,
  type SetView,
  formatLongDate,
  meetingIdOf,
  parseMeetingId,
  slotBoardPath,
} from '@setboard/shared';
import { Link, useParams } from 'react-router';
import { BoardStatus } from '../../boards/realtime/BoardStatus';
import { useBoardContext } from '../../boards/realtime/use-board-context';
import { useBoardDoc } from '../../boards/realtime/use-board-doc';
import { meetingRoomPath } from '../../live-meeting/meeting-api';
import { nameIn } from '../../boards/surfaces/set/lib/people';
import { LiveMeetingBar } from '../../live-meeting/LiveMeetingBar';
import { useMeeting } from '../../live-meeting/use-meeting';
import { useReportBackActions } from '../../boards/records/use-report-back-actions';
import { useSession } from '../../session/session-context';
import { BackLink } from '../../ui/BackLink';
import { LoadedSet } from '../../ui/LoadedSet';
import { Loading, NotFoundPage, SignInNeededPage } from '../../ui/problem-pages';
import { PageHeading } from '../../ui/route-focus';
import { setNameOf } from '../../ui/set-names';
import { meetingDocName } from '../../boards/surfaces/meeting/lib/meeting-board-api';
import { ProcessReviewNotes } from '../../boards/surfaces/meeting/components/ProcessReviewNotes';
import { RoundCards } from '../../boards/surfaces/meeting/components/RoundCards';
import { roundCardRoot } from '../../boards/surfaces/meeting/lib/round-cards';

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
  const { view } = useMeeting(meetingId);
  const meeting = view.kind === 'live' ? view.meeting.state : null;
  const context = useBoardContext(docName, set, meeting);
  // Until the meeting's state is known, nobody can tell whose turn it is: lock everything.
  const known = view.kind !== 'loading';
  const number = meetingIndex + 1;
  const plan = set.meetings[meetingIndex];
  const reportBacks = useReportBackActions(set.id, meetingIndex);

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
      <BoardStatus
        board={board}
        boardName={`meeting ${number} of ${set.name}`}
        docName={docName}
        context={context}
      />

      <LiveMeetingBar
        state={meeting}
        offsetMs={view.kind === 'live' ? view.meeting.offsetMs : 0}
        nameOf={(personId) => nameIn(set, personId)}
        roomPath={meetingRoomPath(set.id, meetingIndex)}
      />
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
            {...(number > 1 ? { reportBacks } : {})}
          />
          <ProcessReviewNotes
            doc={board.doc}
            awareness={board.awareness}
            context={known ? context : null}
          />
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
  const nameOf = setNameOf(set);
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

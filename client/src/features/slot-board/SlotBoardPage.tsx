import type { SetView } from '@setboard/shared';
import {
  type MeetingState,
  type Slot,
  meetingIdOfSlot,
  parseMeetingId,
  slotBoardPath,
} from '@setboard/shared';
import { Link, useParams } from 'react-router';
import { ActionsPanel } from '../../boards/records/ActionsPanel';
import { BoardStatus } from '../../boards/realtime/BoardStatus';
import { useBoardContext } from '../../boards/realtime/use-board-context';
import { type BoardDoc, useBoardDoc } from '../../boards/realtime/use-board-doc';
import { useSession } from '../../session/session-context';
import { BackLink } from '../../ui/BackLink';
import { LoadedSet } from '../../ui/LoadedSet';
import { useSetNames } from '../../ui/use-set-names';
import { Loading, NotFoundPage, SignInNeededPage } from '../../ui/problem-pages';
import { PageHeading } from '../../ui/route-focus';
import { meetingRoomPath } from '../../live-meeting/meeting-api';
import { type LiveMeeting, useMeeting } from '../../live-meeting/use-meeting';
import { LiveMeetingBar } from '../../live-meeting/LiveMeetingBar';
import { STAGE_LABELS } from '../../live-meeting/meeting-labels';
import { ClearSlotRecord } from './components/ClearSlotRecord';
import { IssueSection } from '../../boards/surfaces/slot/components/IssueSection';
import { QuestionsSection } from '../../boards/surfaces/slot/components/QuestionsSection';
import { ReflectionsSection } from '../../boards/surfaces/slot/components/ReflectionsSection';
import { SummarySection } from '../../boards/surfaces/slot/components/SummarySection';
import { type SlotRoute, parseSlotRoute } from '../../boards/surfaces/slot/lib/slot-board-paths';
import type { SlotBoardView } from '../../boards/surfaces/slot/lib/slot-board-view';
import '../../boards/surfaces/slot/slot-surfaces.css';

/** `/sets/:setId/meetings/:meetingIndex/slots/:slotId`: one presenter's board, live. */
export function SlotBoardPage() {
  const route = parseSlotRoute(useParams());
  const person = useSession().view.person;
  if (!person) return <SignInNeededPage />;
  if (!route) return <NotFoundPage />;
  return (
    <LoadedSet setId={route.setId} meetingIndex={route.meetingIndex}>
      {(set) => <Board route={route} selfId={person.id} set={set} />}
    </LoadedSet>
  );
}

interface RouteProps {
  route: SlotRoute;
  selfId: string;
}

function Board({ route, selfId, set }: RouteProps & { set: SetView }) {
  const { view } = useMeeting(route.meetingId);
  const board = useBoardDoc(route.docName);
  const live = view.kind === 'live' ? view.meeting : null;
  const context = useBoardContext(route.docName, set, live?.state ?? null);
  const nameOf = useSetNames(set, selfId);
  if (view.kind === 'loading') return <Loading />;
  if (view.kind === 'not_open') return <NotFoundPage />;
  if (view.kind === 'failed') {
    return (
      <p className="nhsuk-error-message" role="alert">
        {view.message}
      </p>
    );
  }
  const slot = view.meeting.state.slots.find((candidate) => candidate.id === route.slotId);
  if (!slot) return <NotFoundPage />;
  if (!board.doc) return <Loading />;
  const slotBoard: SlotBoardView = {
    set,
    meetingIndex: route.meetingIndex,
    slot,
    state: view.meeting.state,
    now: () => Date.now() + view.meeting.offsetMs,
    selfId,
    nameOf,
    doc: board.doc,
    awareness: board.awareness,
    context,
    isPresenter: slot.presenterId === selfId,
  };
  return <BoardContent route={route} board={slotBoard} doc={board} meeting={view.meeting} />;
}

/** Where the slot is, in words. */
function slotProgress(state: MeetingState, slot: Slot): string {
  if (slot.status === 'deferred') return 'Carried over to the next meeting.';
  if (slot.status === 'complete' || slot.stage === 'complete') return 'This slot is complete.';
  if (slot.status === 'planned' || slot.stage === null) return 'This slot has not started yet.';
  if (state.pausedAt !== null) return `${STAGE_LABELS[slot.stage]} (time out)`;
  return STAGE_LABELS[slot.stage];
}

/** A slot deferred from an earlier meeting: its issue came with it; the rest stays there. */
function CarriedFrom({ setId, slotId }: { setId: string; slotId: string }) {
  const earlier = parseMeetingId(meetingIdOfSlot(slotId) ?? '');
  if (!earlier) return null;
  return (
    <p className="nhsuk-body" data-testid="carried-from">
      Carried over from meeting {earlier.meetingIndex + 1}: the issue and the outcome wanted came
      with it.{' '}
      <Link to={slotBoardPath(setId, earlier.meetingIndex, slotId)}>
        See the board from meeting {earlier.meetingIndex + 1}
      </Link>
    </p>
  );
}

interface BoardContentProps {
  route: SlotRoute;
  board: SlotBoardView;
  doc: BoardDoc;
  meeting: LiveMeeting;
}

function BoardContent({ route, board, doc, meeting }: BoardContentProps) {
  const { set, slot } = board;
  const presenter = board.isPresenter ? 'Your' : `${board.nameOf(slot.presenterId)}’s`;
  const title = `${presenter} slot`;
  const nextMeeting = set.meetings[route.meetingIndex + 1];
  return (
    <>
      <BackLink to={meetingRoomPath(route.setId, route.meetingIndex)}>
        Back to the meeting room
      </BackLink>
      <PageHeading
        caption={`Meeting ${route.meetingIndex + 1} – ${set.name}`}
        title={`${title} – ${set.name}`}
      >
        {title}
      </PageHeading>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <p className="nhsuk-body app-slot-progress">
            <span className="nhsuk-u-visually-hidden">Now: </span>
            <span data-testid="slot-stage">{slotProgress(meeting.state, slot)}</span>
            {slot.synopsis && <span className="app-secondary-line">{slot.synopsis}</span>}
          </p>
          <BoardStatus
            board={doc}
            boardName={`${title} – ${set.name}`}
            docName={route.docName}
            context={board.context}
          />

          <LiveMeetingBar
            state={meeting.state}
            offsetMs={meeting.offsetMs}
            nameOf={board.nameOf}
            roomPath={meetingRoomPath(route.setId, route.meetingIndex)}
          />
          {slot.carriedFrom && <CarriedFrom setId={route.setId} slotId={slot.carriedFrom} />}
          <IssueSection board={board} />
          <QuestionsSection board={board} synced={doc.synced} />
          <ReflectionsSection board={board} />
          <ActionsPanel
            doc={board.doc}
            context={board.context}
            defaultDue={nextMeeting?.date ?? ''}
            ownerName={board.isPresenter ? null : board.nameOf(slot.presenterId)}
          />
          <SummarySection board={board} />
          {board.isPresenter && <ClearSlotRecord board={board} />}
        </div>
      </div>
    </>
  );
}

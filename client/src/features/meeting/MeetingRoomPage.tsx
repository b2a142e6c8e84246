import {
  type MeetingCommand,
  type MeetingState,
  type SetView,
  meetingIdOf,
  parseMeetingId,
  takesPart,
} from '@setboard/shared';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useSession } from '../../session/session-context';
import { BackLink } from '../../ui/BackLink';
import { LoadedSet } from '../../ui/LoadedSet';
import { useSetNames } from '../../ui/use-set-names';
import { Loading, NotFoundPage, SignInNeededPage } from '../../ui/problem-pages';
import { PageHeading } from '../../ui/route-focus';
import { Agenda } from './components/Agenda';
import { BoardLinks } from './components/BoardLinks';
import { CheckInActions } from './components/CheckInActions';
import { AirtimeChart } from './components/AirtimeChart';
import { Announcer } from './components/Announcer';
import { BidForm } from './components/BidForm';
import { FacilitatorControls, ParticipantControls } from './components/ControlBar';
import { Countdown } from './components/Countdown';
import { FacilitationTools } from './components/FacilitationTools';
import { NotOpenYet } from './components/NotOpenYet';
import { OffersChoice } from './components/OffersChoice';
import { ParticipantsPanel, SpeakingPanel } from './components/PeoplePanel';
import { SlotPlan } from './components/SlotPlan';
import { VideoCallLink } from './components/VideoCallLink';
import { FloorLine } from './components/FloorLine';
import { DisplayLinkPanel } from './components/DisplayLinkPanel';
import { MeetingSummary } from './components/MeetingSummary';
import { PulseQuestion } from './components/Pulse';
import { WorkSurface } from './components/WorkSurface';
import { type LiveMeeting, useMeeting } from '../../live-meeting/use-meeting';
import { currentStageLabel } from './lib/agenda-items';
import { controlStatus } from '../../live-meeting/control-reasons';
import type { RoomControls } from './lib/room-controls';
import './meeting-room.css';

/** `/sets/:setId/meetings/:meetingIndex`: the live meeting room, for the set's people. */
export function MeetingRoomPage() {
  const { setId = '', meetingIndex = '' } = useParams();
  const person = useSession().view.person;
  const index = Number(meetingIndex);
  const meetingId = meetingIdOf(setId, index);
  if (!person) return <SignInNeededPage />;
  if (!/^\d{1,2}$/.test(meetingIndex) || parseMeetingId(meetingId) === null) {
    return <NotFoundPage />;
  }
  return (
    <LoadedSet setId={setId} meetingIndex={index}>
      {(set) => <Room setId={setId} meetingIndex={index} selfId={person.id} set={set} />}
    </LoadedSet>
  );
}

interface RoomProps {
  setId: string;
  meetingIndex: number;
  selfId: string;
}

function Room({ setId, meetingIndex, selfId, set }: RoomProps & { set: SetView }) {
  const { view, news, issue, resubscribe } = useMeeting(meetingIdOf(setId, meetingIndex));
  const nameOf = useSetNames(set, selfId);
  const plan = set.meetings[meetingIndex]!;
  const title = `Meeting ${meetingIndex + 1} room`;
  return (
    <>
      <BackLink to={`/sets/${encodeURIComponent(setId)}`}>Back to the set</BackLink>
      <PageHeading caption={set.name} title={`${title} – ${set.name}`}>
        {title}
      </PageHeading>
      <VideoCallLink videoLink={plan.videoLink} />
      <Announcer news={news} selfId={selfId} nameOf={nameOf} />
      {view.kind === 'loading' && <Loading />}
      {view.kind === 'failed' && (
        <p className="nhsuk-error-message" role="alert">
          {view.message}
        </p>
      )}
      {view.kind === 'not_open' && (
        <NotOpenYet
          setId={setId}
          meetingIndex={meetingIndex}
          isFacilitator={set.viewerRole === 'facilitator'}
          onOpened={resubscribe}
        />
      )}
      {view.kind === 'live' && (
        <LiveRoom
          meeting={view.meeting}
          set={set}
          selfId={selfId}
          nameOf={nameOf}
          issue={issue}
          boards={{ setId, meetingIndex }}
        />
      )}
    </>
  );
}

interface LiveRoomProps {
  meeting: LiveMeeting;
  set: SetView;
  /** Where the room's boards are. */
  boards: { setId: string; meetingIndex: number };
  selfId: string;
  nameOf: (personId: string) => string;
  issue: (command: MeetingCommand, expectedVersion: number) => Promise<string | null>;
}

/** Which of the room's occasional panels apply now. */
function panelsFor(state: MeetingState, selfId: string, isFacilitator: boolean) {
  const live = state.phase !== 'scheduled' && state.phase !== 'closed';
  return {
    bidForm: state.phase === 'bidding' && takesPart(state, selfId),
    slotPlan: state.phase === 'bidding' || state.slots.length > 0,
    facilitationTools: isFacilitator && live,
    airtime: state.phase === 'process_review',
  };
}

function LiveRoom({ meeting, selfId, nameOf, issue, boards, set }: LiveRoomProps) {
  const { state, version, offsetMs } = meeting;
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const send = (command: MeetingCommand): void => {
    setBusy(true);
    setProblem(null);
    void issue(command, version).then((refusal) => {
      setProblem(refusal);
      setBusy(false);
    });
  };
  const isFacilitator = state.actingFacilitatorId === selfId;
  const room: RoomControls = {
    state,
    selfId,
    nameOf,
    // The reducer decides: a control is enabled exactly when the server would accept it now,
    // and otherwise says why.
    statusOf: (command) => controlStatus(command, { state, selfId, nameOf }, Date.now() + offsetMs),
    send,
    busy,
    isFacilitator,
  };
  const panels = panelsFor(state, selfId, isFacilitator);

  const now = () => Date.now() + offsetMs;
  if (state.phase === 'closed') {
    return <ClosedRoom meeting={meeting} set={set} boards={boards} nameOf={nameOf} />;
  }

  return (
    <div className="nhsuk-grid-row app-room">
      <div className="nhsuk-grid-column-two-thirds">
        <section aria-labelledby="now-heading" className="app-meeting-now">
          <h2 className="nhsuk-heading-m" id="now-heading">
            <span className="nhsuk-caption-m">Now</span>
            <span data-testid="current-stage">{currentStageLabel(state)}</span>
          </h2>
          {state.pausedAt !== null && (
            <p className="nhsuk-body" data-testid="paused">
              Time out: the facilitator has stopped the clock.
            </p>
          )}
          <Countdown meeting={meeting} />
          <FloorLine state={state} nameOf={nameOf} />
        </section>
        {problem && (
          <p className="nhsuk-error-message" role="alert" data-testid="command-problem">
            <span className="nhsuk-u-visually-hidden">Error: </span>
            {problem}
          </p>
        )}
        {isFacilitator && <FacilitatorControls {...room} />}
        <ParticipantControls {...room} />
        <OffersChoice {...room} />
        <CheckInActions
          setId={boards.setId}
          meetingIndex={boards.meetingIndex}
          state={state}
          selfId={selfId}
          nameOf={nameOf}
        />
        {panels.bidForm && <BidForm {...room} />}
        {panels.slotPlan && <SlotPlan {...room} />}
        <WorkSurface
          set={set}
          meetingIndex={boards.meetingIndex}
          state={state}
          selfId={selfId}
          nameOf={nameOf}
          now={now}
        />
        {panels.airtime && <AirtimeChart meeting={meeting} nameOf={nameOf} />}
        {panels.airtime && (
          <PulseQuestion setId={boards.setId} meetingIndex={boards.meetingIndex} />
        )}
        {panels.facilitationTools && <FacilitationTools {...room} />}
        {panels.facilitationTools && (
          <DisplayLinkPanel setId={boards.setId} meetingIndex={boards.meetingIndex} />
        )}
      </div>
      <div className="nhsuk-grid-column-one-third">
        <SpeakingPanel {...room} />
        <Agenda state={state} nameOf={nameOf} plan={set.meetings[boards.meetingIndex]} />
        <ParticipantsPanel state={state} nameOf={nameOf} />
        <BoardLinks {...boards} state={state} nameOf={nameOf} />
      </div>
    </div>
  );
}

/** A closed meeting: its summary, the agenda as it ran and who came. No controls at all. */
function ClosedRoom({
  meeting,
  set,
  boards,
  nameOf,
}: Pick<LiveRoomProps, 'meeting' | 'set' | 'boards' | 'nameOf'>) {
  const { state } = meeting;
  return (
    <div className="nhsuk-grid-row app-room">
      <div className="nhsuk-grid-column-two-thirds">
        <MeetingSummary
          meeting={meeting}
          set={set}
          setId={boards.setId}
          meetingIndex={boards.meetingIndex}
          nameOf={nameOf}
        />
      </div>
      <div className="nhsuk-grid-column-one-third">
        <Agenda state={state} nameOf={nameOf} plan={set.meetings[boards.meetingIndex]} />
        <ParticipantsPanel state={state} nameOf={nameOf} />
        <BoardLinks {...boards} state={state} nameOf={nameOf} />
      </div>
    </div>
  );
}

import {
  type MeetingCommand,
  type SetView,
  canIssue,
  meetingIdOf,
  parseMeetingId,
} from '@setboard/shared';
import { useCallback, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { useApiGet } from '../../api/use-api-get';
import { useSession } from '../../session/session-context';
import { BackLink } from '../../ui/BackLink';
import {
  ApiProblemPage,
  Loading,
  NoAccessPage,
  NotFoundPage,
  SignInNeededPage,
} from '../../ui/problem-pages';
import { PageHeading } from '../../ui/route-focus';
import { MeetingSetReply, meetingSetPath } from './api/meeting-api';
import { Agenda } from './components/Agenda';
import { Announcer } from './components/Announcer';
import { FacilitatorControls, ParticipantControls } from './components/ControlBar';
import { Countdown } from './components/Countdown';
import { NotOpenYet } from './components/NotOpenYet';
import { ParticipantsPanel, SpeakingPanel } from './components/PeoplePanel';
import { VideoCallLink } from './components/VideoCallLink';
import { type LiveMeeting, useMeeting } from './hooks/use-meeting';
import { currentStageLabel } from './lib/agenda-items';
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
  return <LoadedRoom setId={setId} meetingIndex={index} selfId={person.id} />;
}

interface RoomProps {
  setId: string;
  meetingIndex: number;
  selfId: string;
}

function LoadedRoom(props: RoomProps) {
  const { result, reload } = useApiGet(meetingSetPath(props.setId), MeetingSetReply);
  if (result.state === 'failed') return <ApiProblemPage error={result.error} onRetry={reload} />;
  if (result.state === 'loading') return <Loading />;
  if (!result.data.meetings[props.meetingIndex]) return <NotFoundPage />;
  // Organisers see membership and attendance, never a set's meetings (DOMAIN.md, privacy).
  if (result.data.viewerRole === 'organiser') return <NoAccessPage />;
  return <Room {...props} set={result.data} />;
}

function useNames(set: SetView, selfId: string) {
  return useCallback(
    (personId: string) => {
      const name = set.members.find((member) => member.person.id === personId)?.person.name;
      if (personId === selfId) return `${name ?? 'You'} (you)`;
      return name ?? 'Someone who has left the set';
    },
    [set, selfId],
  );
}

function Room({ setId, meetingIndex, selfId, set }: RoomProps & { set: SetView }) {
  const { view, news, issue, resubscribe } = useMeeting(meetingIdOf(setId, meetingIndex));
  const nameOf = useNames(set, selfId);
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
        <LiveRoom meeting={view.meeting} selfId={selfId} nameOf={nameOf} issue={issue} />
      )}
    </>
  );
}

interface LiveRoomProps {
  meeting: LiveMeeting;
  selfId: string;
  nameOf: (personId: string) => string;
  issue: (command: MeetingCommand, expectedVersion: number) => Promise<string | null>;
}

function LiveRoom({ meeting, selfId, nameOf, issue }: LiveRoomProps) {
  const { state, version, offsetMs } = meeting;
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const actor = useMemo(() => ({ personId: selfId, isOrganiser: false }), [selfId]);
  // The reducer decides: a control is enabled exactly when the server would accept it now.
  const can = (command: MeetingCommand) =>
    canIssue(command, state, actor, Date.now() + offsetMs).ok;
  const send = (command: MeetingCommand): void => {
    setBusy(true);
    setProblem(null);
    void issue(command, version).then((refusal) => {
      setProblem(refusal);
      setBusy(false);
    });
  };
  const isFacilitator = state.actingFacilitatorId === selfId;
  const controls = { state, can, send, busy };

  return (
    <div className="nhsuk-grid-row">
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
        </section>
        {problem && (
          <p className="nhsuk-error-message" role="alert" data-testid="command-problem">
            <span className="nhsuk-u-visually-hidden">Error: </span>
            {problem}
          </p>
        )}
        {isFacilitator && <FacilitatorControls {...controls} />}
        <ParticipantControls {...controls} selfId={selfId} isFacilitator={isFacilitator} />
        <SpeakingPanel
          state={state}
          nameOf={nameOf}
          can={can}
          send={send}
          isFacilitator={isFacilitator}
        />
      </div>
      <div className="nhsuk-grid-column-one-third">
        <Agenda state={state} nameOf={nameOf} />
        <ParticipantsPanel state={state} nameOf={nameOf} />
      </div>
    </div>
  );
}

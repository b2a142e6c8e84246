import { type SetView, meetingIdOf } from '@setboard/shared';
import { Link, useNavigate } from 'react-router';
import { type MeetingStatus, useMeetingStates } from '../../boards/records/use-meeting-states';
import { meetingRoomPath } from '../../live-meeting/meeting-api';
import { ROOM_STATUS_TAGS, isJoinable, roomStatusOf } from '../../ui/labels';
import { Tag } from '../../ui/Tag';
import { useOpenMeeting } from './hooks/use-open-meeting';

function OpenRoomButton({ setId, meetingIndex }: { setId: string; meetingIndex: number }) {
  const navigate = useNavigate();
  const { open, busy, problem } = useOpenMeeting(setId, meetingIndex);
  const onOpen = async (): Promise<void> => {
    if (await open()) void navigate(meetingRoomPath(setId, meetingIndex));
  };
  return (
    <>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
        disabled={busy}
        onClick={() => void onOpen()}
      >
        Open the meeting room
        <span className="nhsuk-u-visually-hidden"> for meeting {meetingIndex + 1}</span>
      </button>
      {problem && (
        <p className="nhsuk-error-message" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}

interface RoomProps {
  set: SetView;
  meetingIndex: number;
  status: MeetingStatus;
}

/**
 * One way into one meeting's room, with where the room is: a button to open it (for the
 * facilitator, before it is open), a "join" button while it runs, else a plain link.
 */
function Room({ set, meetingIndex, status }: RoomProps) {
  const number = meetingIndex + 1;
  const path = meetingRoomPath(set.id, meetingIndex);
  if (status.kind === 'loading') return <Link to={path}>Meeting {number} room</Link>;
  const room = roomStatusOf(status.kind === 'open' ? status.state.phase : null);
  const tag = <Tag {...ROOM_STATUS_TAGS[room]} />;
  if (room === 'not_open' && set.viewerRole === 'facilitator') {
    return (
      <>
        <span>Meeting {number} room</span> {tag}
        <OpenRoomButton setId={set.id} meetingIndex={meetingIndex} />
      </>
    );
  }
  if (isJoinable(room)) {
    return (
      <>
        <Link to={path} className="nhsuk-button nhsuk-button--small app-join-button">
          Join the meeting {number} room
        </Link>{' '}
        {tag}
      </>
    );
  }
  return (
    <>
      <Link to={path}>Meeting {number} room</Link> {tag}
    </>
  );
}

/** On the set page: each planned meeting's room, whether it is open, live or closed. */
export function MeetingRoomLinks({ set }: { set: SetView }) {
  // Organisers never take part in meetings: there is nothing of theirs to follow.
  const ids =
    set.viewerRole === 'organiser'
      ? []
      : set.meetings.map((_, index) => meetingIdOf(set.id, index));
  const statuses = useMeetingStates(ids);
  if (set.viewerRole === 'organiser' || set.meetings.length === 0) return null;
  return (
    <ul className="nhsuk-list app-meeting-rooms" data-testid="meeting-rooms">
      {set.meetings.map((meeting, index) => (
        <li key={`${meeting.date}-${index}`} className="app-meeting-rooms__item">
          <Room set={set} meetingIndex={index} status={statuses[index] ?? { kind: 'loading' }} />
        </li>
      ))}
    </ul>
  );
}

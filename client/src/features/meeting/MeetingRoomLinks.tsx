import type { SetView } from '@setboard/shared';
import { Link, useNavigate } from 'react-router';
import { meetingRoomPath } from '../../live-meeting/meeting-api';
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

/** On the set page: each planned meeting's room; the facilitator can open one. */
export function MeetingRoomLinks({ set }: { set: SetView }) {
  if (set.viewerRole === 'organiser' || set.meetings.length === 0) return null;
  return (
    <ul className="nhsuk-list app-meeting-rooms" data-testid="meeting-rooms">
      {set.meetings.map((meeting, index) => (
        <li key={`${meeting.date}-${index}`} className="app-meeting-rooms__item">
          <Link to={meetingRoomPath(set.id, index)}>Meeting {index + 1} room</Link>
          {set.viewerRole === 'facilitator' && (
            <OpenRoomButton setId={set.id} meetingIndex={index} />
          )}
        </li>
      ))}
    </ul>
  );
}

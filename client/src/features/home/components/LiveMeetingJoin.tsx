import '../home.css';
import { type SetSummary, meetingIdOf } from '@setboard/shared';
import { Link } from 'react-router';
import { useMeetingStates } from '../../../boards/records/use-meeting-states';
import { meetingRoomPath } from '../../../live-meeting/meeting-api';
import { ROOM_STATUS_TAGS, isJoinable, roomStatusOf } from '../../../ui/labels';
import { Tag } from '../../../ui/Tag';

/**
 * On a set's card in My sets: while its next meeting's room has its lobby open or the meeting
 * runs, a button straight into the room. Nothing otherwise (the card already gives the date).
 */
export function LiveMeetingJoin({ set }: { set: SetSummary }) {
  const index = set.nextMeetingNumber === null ? null : set.nextMeetingNumber - 1;
  const follows = index !== null && set.viewerRole !== 'organiser';
  const [status] = useMeetingStates(follows ? [meetingIdOf(set.id, index)] : []);
  if (!follows || status?.kind !== 'open') return null;
  const room = roomStatusOf(status.state.phase);
  if (!isJoinable(room)) return null;
  return (
    <p className="nhsuk-body app-live-join" data-testid="live-meeting">
      <Tag {...ROOM_STATUS_TAGS[room]} />{' '}
      <Link to={meetingRoomPath(set.id, index)} className="nhsuk-button nhsuk-button--small">
        Join meeting {index + 1}
        <span className="nhsuk-u-visually-hidden"> of {set.name}</span>
      </Link>
    </p>
  );
}

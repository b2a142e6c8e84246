import {
  type MeetingState,
  type SetView,
  formatLongDate,
  meetingBoardPath,
  meetingIdOf,
  setBoardPath,
  slotBoardPath,
} from '@setboard/shared';
import { Link } from 'react-router';
import { type MeetingStatus, useMeetingStates } from '../../../boards/records/use-meeting-states';
import { MeetingRecordLinks } from './RecordLinks';
import { setNameOf } from '../../../ui/set-names';

/**
 * The way into the set's boards: the set board, each meeting's board, and, once a meeting has
 * been opened, each presenter's slot board. (Each meeting's room is linked in the meetings list.)
 */
export function MeetingBoards({ set }: { set: SetView }) {
  const statuses = useMeetingStates(set.meetings.map((_, index) => meetingIdOf(set.id, index)));
  const nameOf = setNameOf(set);
  return (
    <section aria-labelledby="boards-heading" data-testid="boards">
      <h2 className="nhsuk-heading-m" id="boards-heading">
        Boards
      </h2>
      <ul className="nhsuk-list">
        <li>
          <Link to={setBoardPath(set.id)}>Set board</Link>
          <span className="app-secondary-line">Ground rules and objectives</span>
        </li>
        <li>
          <Link to={`/sets/${set.id}/log`}>My learning log</Link>
          <span className="app-secondary-line">Private: only you can read it</span>
        </li>
      </ul>
      {set.meetings.map((meeting, index) => (
        <div className="app-meeting-boards" key={`${meeting.date}-${index}`}>
          <h3 className="nhsuk-heading-s">
            Meeting {index + 1}, {formatLongDate(meeting.date)}
          </h3>
          <ul className="nhsuk-list">
            <li>
              <Link to={meetingBoardPath(set.id, index)}>Meeting {index + 1} board</Link>
              <span className="app-secondary-line">
                {index === 0 ? 'Expectations' : 'Report-backs'} and the process review
              </span>
            </li>
            {set.meetingProgress[index] === 'held' && (
              <MeetingRecordLinks setId={set.id} meetingIndex={index} />
            )}
          </ul>
          <MeetingSlots
            setId={set.id}
            meetingIndex={index}
            status={statuses[index] ?? { kind: 'loading' }}
            nameOf={nameOf}
          />
        </div>
      ))}
    </section>
  );
}

interface MeetingSlotsProps {
  setId: string;
  meetingIndex: number;
  status: MeetingStatus;
  nameOf: (personId: string) => string;
}

function MeetingSlots({ setId, meetingIndex, status, nameOf }: MeetingSlotsProps) {
  switch (status.kind) {
    case 'loading':
      return null;
    case 'not_open':
      return (
        <p className="nhsuk-body app-secondary-line">
          Presenters’ slots appear here once the facilitator opens the room.
        </p>
      );
    case 'unavailable':
      return (
        <p className="nhsuk-body app-secondary-line">
          We could not load this meeting’s slots. Reload the page to try again.
        </p>
      );
    case 'open':
      return (
        <SlotList setId={setId} meetingIndex={meetingIndex} state={status.state} nameOf={nameOf} />
      );
  }
}

function SlotList({
  setId,
  meetingIndex,
  state,
  nameOf,
}: Omit<MeetingSlotsProps, 'status'> & { state: MeetingState }) {
  if (state.slots.length === 0) {
    return <p className="nhsuk-body app-secondary-line">No presenters’ slots yet.</p>;
  }
  return (
    <ul className="nhsuk-list nhsuk-list--bullet" data-testid={`slots-${meetingIndex}`}>
      {state.slots.map((slot) => (
        <li key={slot.id}>
          <Link to={slotBoardPath(setId, meetingIndex, slot.id)}>
            {nameOf(slot.presenterId)}’s slot board
          </Link>
          {slot.synopsis && <span className="app-secondary-line">{slot.synopsis}</span>}
        </li>
      ))}
    </ul>
  );
}

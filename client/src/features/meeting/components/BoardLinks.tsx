import type { MeetingState } from '@setboard/shared';
import { Link } from 'react-router';
import { meetingBoardPath, slotBoardPath } from '../../../boards/records/board-paths';

/**
 * The boards that go with the room: the meeting's board (expectations, report-backs, process
 * review) and, while a slot runs, that presenter's slot board, where questions are asked.
 */
export function BoardLinks(props: {
  setId: string;
  meetingIndex: number;
  state: MeetingState;
  nameOf: (personId: string) => string;
}) {
  const { setId, meetingIndex, state, nameOf } = props;
  const running = state.slots.find((slot) => slot.id === state.currentSlotId);
  return (
    <nav aria-labelledby="room-boards-heading" className="app-room-boards">
      <h2 className="nhsuk-heading-s" id="room-boards-heading">
        Boards
      </h2>
      <ul className="nhsuk-list">
        {running && state.phase === 'slot' && (
          <li>
            <Link to={slotBoardPath(setId, meetingIndex, running.id)} data-testid="slot-board-link">
              {nameOf(running.presenterId)}’s slot board (ask questions here)
            </Link>
          </li>
        )}
        <li>
          <Link to={meetingBoardPath(setId, meetingIndex)}>Meeting {meetingIndex + 1} board</Link>
        </li>
      </ul>
    </nav>
  );
}

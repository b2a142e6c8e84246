import type { MeetingState } from '@setboard/shared';
import { Link } from 'react-router';
import { meetingBoardPath, slotBoardPath } from '@setboard/shared';
import { isReader, possessive } from '../../../ui/use-set-names';

/**
 * The boards that go with the room, for between meetings: everything they hold during a stage
 * is in the room itself. The meeting's board and, while a slot runs, the presenter's.
 */
export function BoardLinks(props: {
  setId: string;
  meetingIndex: number;
  state: MeetingState;
  nameOf: (personId: string) => string;
}) {
  const { setId, meetingIndex, state, nameOf } = props;
  const running = state.slots.find((slot) => slot.id === state.currentSlotId);
  const presenter = running ? nameOf(running.presenterId) : '';
  return (
    <nav aria-labelledby="room-boards-heading" className="app-room-boards">
      <h2 className="nhsuk-heading-s" id="room-boards-heading">
        Boards
      </h2>
      <ul className="nhsuk-list">
        {running && state.phase === 'slot' && (
          <li>
            <Link to={slotBoardPath(setId, meetingIndex, running.id)} data-testid="slot-board-link">
              {possessive(presenter)} slot board
              {isReader(presenter) ? '' : ' (ask questions here)'}
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

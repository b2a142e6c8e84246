/** What every control in the room needs: the meeting, who is looking, and how to act. */
import type { MeetingCommand, MeetingState } from '@setboard/shared';
import type { ControlStatus } from '../../../live-meeting/control-reasons';

export interface RoomControls {
  state: MeetingState;
  selfId: string;
  nameOf: (personId: string) => string;
  /** Whether the shared reducer would accept the command from this person now, and if not, why. */
  statusOf: (command: MeetingCommand) => ControlStatus;
  send: (command: MeetingCommand) => void;
  /** A command is on its way. */
  busy: boolean;
  /** This person facilitates now. */
  isFacilitator: boolean;
}

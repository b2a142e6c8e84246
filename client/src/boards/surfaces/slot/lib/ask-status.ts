/**
 * Whether this person may put a question now, asked of the shared reducer itself: the server
 * counts every question with the reducer's `question:asked` (floor, stage and the set's `queue`
 * setting), so `canIssue` with that command answers exactly as the server will.
 */
import { type MeetingState, type Slot, currentPresenterId } from '@setboard/shared';
import { type ControlStatus, controlStatus } from '../../../../live-meeting/control-reasons';

export const NOT_THIS_SLOT = 'Questions are put while this slot runs.';

export function askStatus(
  state: MeetingState,
  slot: Slot,
  selfId: string,
  nameOf: (personId: string) => string,
  now: number,
): ControlStatus {
  if (state.phase !== 'slot' || state.currentSlotId !== slot.id) {
    return { enabled: false, reason: NOT_THIS_SLOT };
  }
  if (currentPresenterId(state) === selfId) {
    return { enabled: false, reason: 'The presenter answers; the set asks.' };
  }
  return controlStatus({ type: 'question:asked' }, { state, selfId, nameOf }, now);
}

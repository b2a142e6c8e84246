/** What every part of the slot board needs: the board, the live meeting, and who is looking. */
import type { BoardWriteContext, MeetingState, SetView, Slot } from '@setboard/shared';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';

export interface SlotBoardView {
  set: SetView;
  meetingIndex: number;
  slot: Slot;
  state: MeetingState;
  /** The server's time now, corrected for this device's clock. */
  now: () => number;
  selfId: string;
  nameOf: (personId: string) => string;
  doc: Y.Doc;
  awareness: Awareness | null;
  /** The write rules' context; null until the person is known. */
  context: BoardWriteContext | null;
  isPresenter: boolean;
}

/**
 * What each person may do with a question already on a slot's board (docs/protocol.md, Q4 and
 * Q5). One home for the rule: the server's question service refuses with these codes, and the
 * slot board offers only what they allow.
 */
import type { MeetingState, Slot } from '../meeting/meeting-state.js';
import { QuestionErrorCode } from '../../protocol/questions.js';
import type { QuestionRecord } from './board-records.js';

/** What can be done to a question after it is asked. */
export type QuestionAction = 'edit' | 'withdraw' | 'markHelped' | 'delete';

/** Who is asking, about which slot, in which state of the meeting. */
export interface QuestionViewer {
  selfId: string;
  slot: Slot;
  state: MeetingState;
}

/** A refusal: its code for the wire and words for the person. */
export interface QuestionRefusal {
  code: QuestionErrorCode;
  message: string;
}

/** Whether the slot is the meeting's current one and has not finished. */
export function slotIsRunning(state: MeetingState, slot: Slot): boolean {
  return state.currentSlotId === slot.id && slot.stage !== null && slot.stage !== 'complete';
}

/** Why `selfId` may not act as the slot's presenter (mark, delete, clear the record), or null. */
export function presenterRefusal({ selfId, slot }: QuestionViewer): QuestionRefusal | null {
  return slot.presenterId === selfId
    ? null
    : { code: QuestionErrorCode.notPresenter, message: 'Only the presenter can do that.' };
}

/**
 * Why `selfId` may not do `action` to `question` now, or null when they may. Authors change or
 * withdraw their own question while the slot runs, and not once they have withdrawn it; the
 * presenter marks questions that helped and deletes them at any time.
 */
export function questionRefusal(
  action: QuestionAction,
  question: Pick<QuestionRecord, 'authorId' | 'withdrawn'>,
  viewer: QuestionViewer,
): QuestionRefusal | null {
  if (action === 'markHelped' || action === 'delete') return presenterRefusal(viewer);
  if (!slotIsRunning(viewer.state, viewer.slot)) {
    return {
      code: QuestionErrorCode.notNow,
      message: 'Questions can be changed only while the slot runs.',
    };
  }
  if (question.authorId !== viewer.selfId) {
    return {
      code: QuestionErrorCode.notAuthor,
      message: 'Only the person who asked can change it.',
    };
  }
  if (question.withdrawn) {
    return { code: QuestionErrorCode.withdrawn, message: 'This question has been withdrawn.' };
  }
  return null;
}

/** Everything `viewer` may do with `question` now, for showing the controls. */
export function questionPermissions(
  question: Pick<QuestionRecord, 'authorId' | 'withdrawn'>,
  viewer: QuestionViewer,
): Record<QuestionAction, boolean> {
  const may = (action: QuestionAction) => questionRefusal(action, question, viewer) === null;
  return {
    edit: may('edit'),
    withdraw: may('withdraw'),
    markHelped: may('markHelped'),
    delete: may('delete'),
  };
}

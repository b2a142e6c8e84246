import { fieldAccess } from '../../../realtime/board-context';
import { SectionLockNotice } from '../../../editor/SectionLockNotice';
import type { SlotBoardView } from '../lib/slot-board-view';
import { BoardField } from './BoardField';

const SUMMARY_HINTS = {
  presenter_only: 'The presenter keeps this record of their slot.',
  scribe_for_presenter: 'The facilitator or the presenter keeps this record of the slot.',
  open: 'Anyone in the set can add to this record of the slot.',
} as const;

/** The record of the slot that the set keeps, written as the set's notes policy allows. */
export function SummarySection({ board }: { board: SlotBoardView }) {
  return (
    <section className="app-board-section" aria-labelledby="summary-heading">
      <h2 className="nhsuk-heading-m" id="summary-heading">
        Summary
      </h2>
      <SectionLockNotice id="summary-locked" accesses={[fieldAccess(board.context, 'summary')]} />
      <BoardField
        lockedNoticeId="summary-locked"
        board={board}
        rootName="summary"
        id="slot-summary"
        label="Kept summary"
        hint={SUMMARY_HINTS[board.state.settings.notesPolicy]}
      />
    </section>
  );
}

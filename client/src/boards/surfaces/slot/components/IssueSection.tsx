import { fieldAccess } from '../../../realtime/board-context';
import { SectionLockNotice } from '../../../editor/SectionLockNotice';
import type { SlotBoardView } from '../lib/slot-board-view';
import { BoardField } from './BoardField';

const LOCK_ID = 'issue-locked';

/** The presenter's issue in one sentence and the outcome they want: theirs to write. */
export function IssueSection({ board }: { board: SlotBoardView }) {
  const whose = board.isPresenter ? 'Your' : `${board.nameOf(board.slot.presenterId)}’s`;
  const accesses = ['issueStatement', 'desiredOutcome'].map((root) =>
    fieldAccess(board.context, root),
  );
  return (
    <section className="app-board-section" aria-labelledby="issue-heading">
      <h2 className="nhsuk-heading-m" id="issue-heading">
        The issue
      </h2>
      <SectionLockNotice id={LOCK_ID} accesses={accesses} />
      <BoardField
        board={board}
        rootName="issueStatement"
        id="issue-statement"
        label="Issue statement"
        hint={`${whose} issue, in one sentence.`}
        lockedNoticeId={LOCK_ID}
      />
      <BoardField
        board={board}
        rootName="desiredOutcome"
        id="desired-outcome"
        label="The outcome wanted"
        hint="What would make this slot worthwhile for the presenter."
        lockedNoticeId={LOCK_ID}
      />
    </section>
  );
}

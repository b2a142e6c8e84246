import type { SlotBoardView } from '../lib/slot-board-view';
import { BoardField } from './BoardField';

/** The presenter's issue in one sentence and the outcome they want: theirs to write. */
export function IssueSection({ board }: { board: SlotBoardView }) {
  const whose = board.isPresenter ? 'Your' : `${board.nameOf(board.slot.presenterId)}’s`;
  return (
    <section className="app-board-section" aria-labelledby="issue-heading">
      <h2 className="nhsuk-heading-m" id="issue-heading">
        The issue
      </h2>
      <BoardField
        board={board}
        rootName="issueStatement"
        id="issue-statement"
        label="Issue statement"
        hint={`${whose} issue, in one sentence.`}
      />
      <BoardField
        board={board}
        rootName="desiredOutcome"
        id="desired-outcome"
        label="The outcome wanted"
        hint="What would make this slot worthwhile for the presenter."
      />
    </section>
  );
}

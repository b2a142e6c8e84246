import '../slot-surfaces.css';
import { useQuestions } from '../hooks/use-questions';
import type { SlotBoardView } from '../lib/slot-board-view';
import { AskQuestionForm } from './AskQuestionForm';
import { QuestionItem } from './QuestionItem';

/** The questions put to the presenter, live, and (for the set) the way to ask one. */
export function QuestionsSection({ board, synced }: { board: SlotBoardView; synced: boolean }) {
  const questions = useQuestions(board.doc);
  return (
    <section className="app-board-section" aria-labelledby="questions-heading" aria-busy={!synced}>
      <h2 className="nhsuk-heading-m" id="questions-heading">
        Questions
      </h2>
      {questions.length > 0 ? (
        <ol className="nhsuk-list app-questions" data-testid="questions">
          {questions.map((entry) => (
            <QuestionItem key={entry.id} board={board} entry={entry} />
          ))}
        </ol>
      ) : (
        <p className="nhsuk-body" data-testid="no-questions">
          {synced ? 'No questions yet.' : 'Loading the questions…'}
        </p>
      )}
      {!board.isPresenter && <AskQuestionForm board={board} />}
    </section>
  );
}

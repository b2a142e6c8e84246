import type { QuestionCommand } from '@setboard/shared';
import { useState } from 'react';
import { ConfirmStep } from '../../../../ui/ConfirmStep';
import { useQuestionCommand } from '../hooks/use-question-command';
import { type QuestionEntry, questionPermissions } from '../lib/questions';
import type { SlotBoardView } from '../lib/slot-board-view';
import { QuestionActions } from './QuestionActions';
import { QuestionDetails } from './QuestionDetails';
import { QuestionEdit } from './QuestionEdit';

type Mode = 'show' | 'edit' | 'withdraw' | 'delete';

/**
 * One question on the board, with what this person may do to it now. Each mode has its own
 * part: the buttons (show), the edit form, or the confirm step before withdrawing or deleting.
 */
export function QuestionItem({ board, entry }: { board: SlotBoardView; entry: QuestionEntry }) {
  const { id, record } = entry;
  const run = useQuestionCommand();
  const [mode, setMode] = useState<Mode>('show');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const author = board.nameOf(record.authorId);
  const slotId = board.slot.id;

  const send = async (command: QuestionCommand, then: Mode | null = null): Promise<void> => {
    setBusy(true);
    setProblem(null);
    const outcome = await run(command);
    setBusy(false);
    if (!outcome.ok) setProblem(outcome.message);
    else if (then) setMode(then);
  };
  const show = () => setMode('show');

  return (
    <li className="app-question" data-testid="question" data-question-id={id}>
      <QuestionDetails record={record} author={author} />
      {problem && (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error: </span>
          {problem}
        </p>
      )}
      {mode === 'show' && (
        <QuestionActions
          record={record}
          author={author}
          may={questionPermissions(record, board)}
          busy={busy}
          onEdit={() => setMode('edit')}
          onWithdraw={() => setMode('withdraw')}
          onDelete={() => setMode('delete')}
          onToggleHelped={() =>
            void send({ type: 'mark_helped', slotId, questionId: id, helped: !record.helped })
          }
        />
      )}
      {mode === 'edit' && (
        <QuestionEdit
          questionId={id}
          initialText={record.text}
          busy={busy}
          onSave={(text) => void send({ type: 'edit', slotId, questionId: id, text }, 'show')}
          onCancel={show}
        />
      )}
      {mode === 'withdraw' && (
        <ConfirmStep
          heading="Withdraw your question?"
          confirmLabel="Yes, withdraw it"
          cancelLabel="No, keep it"
          busy={busy}
          onConfirm={() => void send({ type: 'withdraw', slotId, questionId: id }, 'show')}
          onCancel={show}
        >
          <p className="nhsuk-body">
            The set will see that you withdrew a question, not its words.
          </p>
        </ConfirmStep>
      )}
      {mode === 'delete' && (
        <ConfirmStep
          heading="Delete this question?"
          confirmLabel="Yes, delete it"
          cancelLabel="No, keep it"
          busy={busy}
          onConfirm={() => void send({ type: 'delete', slotId, questionId: id })}
          onCancel={show}
        >
          <p className="nhsuk-body">
            It goes from the board for everyone, and cannot be brought back.
          </p>
        </ConfirmStep>
      )}
    </li>
  );
}

import type { QuestionCommand } from '@setboard/shared';
import { type FormEvent, useState } from 'react';
import { Tag } from '../../../ui/Tag';
import { STAGE_LABELS } from '../../../live-meeting/meeting-labels';
import { useQuestionCommand } from '../hooks/use-question-command';
import { type QuestionEntry, flagLabels, questionPermissions } from '../lib/questions';
import type { SlotBoardView } from '../lib/slot-board-view';
import { ConfirmStep } from './ConfirmStep';

type Mode = 'show' | 'edit' | 'withdraw' | 'delete';

const SMALL_SECONDARY = 'nhsuk-button nhsuk-button--secondary nhsuk-button--small';

/** One question on the board, with what this person may do to it now. */
export function QuestionItem({ board, entry }: { board: SlotBoardView; entry: QuestionEntry }) {
  const { id, record } = entry;
  const run = useQuestionCommand();
  const [mode, setMode] = useState<Mode>('show');
  const [draft, setDraft] = useState(record.text);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const may = questionPermissions(record, board);
  const author = board.nameOf(record.authorId);
  const flags = flagLabels(record.adviceFlags);
  const slotId = board.slot.id;

  const send = async (command: QuestionCommand): Promise<boolean> => {
    setBusy(true);
    setProblem(null);
    const outcome = await run(command);
    setBusy(false);
    if (!outcome.ok) setProblem(outcome.message);
    return outcome.ok;
  };
  const saveEdit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (await send({ type: 'edit', slotId, questionId: id, text: draft })) setMode('show');
  };

  return (
    <li className="app-question" data-testid="question" data-question-id={id}>
      {record.withdrawn ? (
        <p className="nhsuk-body app-question__text app-question__text--withdrawn">
          {author} withdrew this question.
        </p>
      ) : (
        <p className="nhsuk-body app-question__text" data-testid="question-text">
          {record.text}
        </p>
      )}
      <p className="nhsuk-body-s app-question__meta">
        Asked by <span data-testid="question-author">{author}</span> during{' '}
        {STAGE_LABELS[record.stage].toLowerCase()}
        {record.editedAt !== null && ' (edited)'}
      </p>
      {(record.helped || flags.length > 0) && (
        <div className="app-question__marks">
          {record.helped && <Tag label="Helped the presenter" colour="green" />}
          {flags.length > 0 && (
            <>
              <Tag label="May be advice" colour="orange" />
              <ul
                className="nhsuk-list nhsuk-body-s app-question__flags"
                aria-label="Why it may be advice"
              >
                {flags.map((flag) => (
                  <li key={flag}>{flag}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {problem && (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error: </span>
          {problem}
        </p>
      )}
      {mode === 'edit' && (
        <form onSubmit={(event) => void saveEdit(event)} noValidate>
          <div className="nhsuk-form-group">
            <label className="nhsuk-label nhsuk-label--s" htmlFor={`edit-${id}`}>
              Your question
            </label>
            <textarea
              className="nhsuk-textarea"
              id={`edit-${id}`}
              rows={3}
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
            />
          </div>
          <div className="nhsuk-button-group">
            <button type="submit" className="nhsuk-button nhsuk-button--small" disabled={busy}>
              Save the question
            </button>
            <button type="button" className={SMALL_SECONDARY} onClick={() => setMode('show')}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {mode === 'withdraw' && (
        <ConfirmStep
          heading="Withdraw your question?"
          confirmLabel="Yes, withdraw it"
          cancelLabel="No, keep it"
          busy={busy}
          onConfirm={() => void send({ type: 'withdraw', slotId, questionId: id })}
          onCancel={() => setMode('show')}
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
          onCancel={() => setMode('show')}
        >
          <p className="nhsuk-body">
            It goes from the board for everyone, and cannot be brought back.
          </p>
        </ConfirmStep>
      )}
      {mode === 'show' && (may.edit || may.withdraw || may.markHelped || may.delete) && (
        <div className="app-row-actions">
          {may.edit && (
            <button
              type="button"
              className={SMALL_SECONDARY}
              onClick={() => {
                setDraft(record.text);
                setMode('edit');
              }}
            >
              Change<span className="nhsuk-u-visually-hidden"> your question</span>
            </button>
          )}
          {may.withdraw && (
            <button type="button" className={SMALL_SECONDARY} onClick={() => setMode('withdraw')}>
              Withdraw<span className="nhsuk-u-visually-hidden"> your question</span>
            </button>
          )}
          {may.markHelped && !record.withdrawn && (
            <button
              type="button"
              className={SMALL_SECONDARY}
              disabled={busy}
              onClick={() =>
                void send({ type: 'mark_helped', slotId, questionId: id, helped: !record.helped })
              }
            >
              {record.helped ? 'Take off the helped mark' : 'Mark as helped'}
              <span className="nhsuk-u-visually-hidden"> (question from {author})</span>
            </button>
          )}
          {may.delete && (
            <button type="button" className={SMALL_SECONDARY} onClick={() => setMode('delete')}>
              Delete<span className="nhsuk-u-visually-hidden"> the question from {author}</span>
            </button>
          )}
        </div>
      )}
    </li>
  );
}

import { type AdviceReason, QuestionErrorCode, checkQuestion } from '@setboard/shared';
import { type FormEvent, useRef, useState } from 'react';
import { CommandButton } from '../../../../live-meeting/CommandButton';
import { useQuestionCommand } from '../hooks/use-question-command';
import { adviceAnnouncement, adviceKey } from '../lib/advice-announcement';
import { askStatus } from '../lib/ask-status';
import type { SlotBoardView } from '../lib/slot-board-view';

const FIELD_ID = 'question-text';

interface Problem {
  message: string;
  /** For a question the set held back: the reasons the server's check gave. */
  reasons: string[];
}

function AdviceReasons({ reasons }: { reasons: readonly AdviceReason[] }) {
  if (reasons.length === 0) return null;
  return (
    <div className="nhsuk-inset-text app-advice" data-testid="advice-reasons">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p className="nhsuk-body-s app-advice__intro">Before you ask, a thought or two:</p>
      <ul className="nhsuk-list nhsuk-list--bullet nhsuk-body-s">
        {reasons.map((reason) => (
          <li key={reason.code}>
            {reason.message} <span className="app-secondary-line">{reason.suggestion}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A member puts a question to the presenter. The advice check runs as they type and says,
 * kindly, when a question may be advice in disguise; it never stops them asking (unless the
 * set holds such questions back, when the server says so and the reasons come back).
 */
export function AskQuestionForm({ board }: { board: SlotBoardView }) {
  const run = useQuestionCommand();
  const field = useRef<HTMLTextAreaElement | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState('');
  const stage = board.state.currentSlotId === board.slot.id ? board.slot.stage : null;
  const check = checkQuestion(text, { stage });
  const key = adviceKey(check);
  // The spoken line follows the kinds of sign found, not every keystroke.
  const [spoken, setSpoken] = useState({ key: '', line: '' });
  if (spoken.key !== key) setSpoken({ key, line: adviceAnnouncement(check) });
  const status = askStatus(board.state, board.slot, board.selfId, board.nameOf, board.now());
  const holds = board.state.settings.adviceCheck === 'hold';

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy || !status.enabled) return;
    if (text.trim() === '') {
      setProblem({ message: 'Write your question first', reasons: [] });
      field.current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    setDone('');
    const outcome = await run({ type: 'ask', slotId: board.slot.id, text });
    setBusy(false);
    if (outcome.ok) {
      setText('');
      setDone(
        outcome.reply.adviceFlags.length > 0
          ? 'Your question is on the board, marked for the set to consider.'
          : 'Your question is on the board.',
      );
      return;
    }
    const held = outcome.error?.code === QuestionErrorCode.adviceHeld;
    setProblem({
      message: outcome.message,
      reasons: held ? (outcome.error?.issues ?? []).map((issue) => issue.message) : [],
    });
    field.current?.focus();
  };

  const hintId = `${FIELD_ID}-hint`;
  const errorId = `${FIELD_ID}-error`;
  return (
    <form className="app-ask" onSubmit={(event) => void submit(event)} noValidate>
      <div className={problem ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
        <h3 className="nhsuk-label-wrapper">
          <label className="nhsuk-label nhsuk-label--s" htmlFor={FIELD_ID}>
            Ask a question
          </label>
        </h3>
        <div className="nhsuk-hint" id={hintId}>
          One short, open question helps most, such as ‘What have you tried?’. The set sees your
          name with it.
          {holds && ' Your set holds back questions that look like advice until they are reworded.'}
        </div>
        {problem && (
          <div className="nhsuk-error-message" id={errorId} role="alert">
            <span className="nhsuk-u-visually-hidden">Error: </span>
            {problem.message}
            {problem.reasons.length > 0 && (
              <ul className="nhsuk-list nhsuk-list--bullet app-ask__held">
                {problem.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <textarea
          ref={field}
          className={problem ? 'nhsuk-textarea nhsuk-textarea--error' : 'nhsuk-textarea'}
          id={FIELD_ID}
          name="question"
          rows={3}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setDone('');
          }}
          aria-describedby={problem ? `${hintId} ${errorId}` : hintId}
        />
      </div>
      <AdviceReasons reasons={check.reasons} />
      <p className="nhsuk-u-visually-hidden" role="status" aria-live="polite">
        {spoken.line}
      </p>
      <CommandButton status={status} busy={busy} submit variant="primary">
        Ask the question
      </CommandButton>
      <p className="nhsuk-body-s app-ask__done" role="status" aria-live="polite">
        {done}
      </p>
    </form>
  );
}

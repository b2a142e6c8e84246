import { useState } from 'react';
import { useQuestionCommand } from '../../../boards/surfaces/slot/hooks/use-question-command';
import type { SlotBoardView } from '../../../boards/surfaces/slot/lib/slot-board-view';
import { ConfirmStep } from '../../../boards/surfaces/slot/components/ConfirmStep';

/** The presenter's control over their slot's record: delete all of it, after a confirm step. */
export function ClearSlotRecord({ board }: { board: SlotBoardView }) {
  const run = useQuestionCommand();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);

  const clear = async (): Promise<void> => {
    setBusy(true);
    const outcome = await run({ type: 'clear_slot', slotId: board.slot.id });
    setBusy(false);
    setConfirming(false);
    setResult(
      outcome.ok
        ? { ok: true, message: 'Your slot’s record has been deleted.' }
        : { ok: false, message: outcome.message },
    );
  };

  return (
    <section className="app-board-section" aria-labelledby="clear-heading">
      <h2 className="nhsuk-heading-m" id="clear-heading">
        Your slot’s record
      </h2>
      <p className="nhsuk-body">
        This board is yours. You can delete everything on it: the issue, questions, reflections,
        actions and summary.
      </p>
      {confirming ? (
        <ConfirmStep
          heading="Delete everything on this board?"
          confirmLabel="Yes, delete the record"
          cancelLabel="No, keep it"
          busy={busy}
          onConfirm={() => void clear()}
          onCancel={() => setConfirming(false)}
          testId="clear-confirm"
        >
          <p className="nhsuk-body">
            It goes for everyone in the set, at once, and cannot be brought back.
          </p>
        </ConfirmStep>
      ) : (
        <button
          type="button"
          className="nhsuk-button nhsuk-button--warning nhsuk-button--small"
          onClick={() => {
            setResult(null);
            setConfirming(true);
          }}
        >
          Delete this slot’s record
        </button>
      )}
      <div role="status" aria-live="polite">
        {result && (
          <p className={result.ok ? 'nhsuk-body' : 'nhsuk-error-message'}>{result.message}</p>
        )}
      </div>
    </section>
  );
}

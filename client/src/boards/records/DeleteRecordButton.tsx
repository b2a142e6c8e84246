import { useState } from 'react';

interface DeleteRecordButtonProps {
  /** What is deleted, for the buttons' words: "this action". */
  what: string;
  onDelete: () => void;
}

/** Deleting asks once more, in place, so a slip of the finger loses nothing. */
export function DeleteRecordButton({ what, onDelete }: DeleteRecordButtonProps) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
        onClick={() => setConfirming(true)}
      >
        Delete {what}
      </button>
    );
  }
  return (
    <div className="app-confirm" role="group" aria-label={`Delete ${what}?`}>
      <p className="nhsuk-body">Are you sure you want to delete {what}? This cannot be undone.</p>
      <div className="nhsuk-button-group">
        <button
          type="button"
          className="nhsuk-button nhsuk-button--warning nhsuk-button--small"
          onClick={onDelete}
        >
          Yes, delete {what}
        </button>
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
          onClick={() => setConfirming(false)}
        >
          Cancel
        </button>
      </div>
    </div>
  );
}

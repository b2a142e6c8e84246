import { type FormEvent, useState } from 'react';

interface QuestionEditProps {
  questionId: string;
  initialText: string;
  busy: boolean;
  onSave: (text: string) => void;
  onCancel: () => void;
}

/** Changing the words of your own question. */
export function QuestionEdit({
  questionId,
  initialText,
  busy,
  onSave,
  onCancel,
}: QuestionEditProps) {
  const [draft, setDraft] = useState(initialText);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    onSave(draft);
  };
  return (
    <form onSubmit={submit} noValidate>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label nhsuk-label--s" htmlFor={`edit-${questionId}`}>
          Your question
        </label>
        <textarea
          className="nhsuk-textarea"
          id={`edit-${questionId}`}
          rows={3}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
      </div>
      <div className="nhsuk-button-group">
        <button type="submit" className="nhsuk-button nhsuk-button--small" disabled={busy}>
          Save the question
        </button>
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
          onClick={onCancel}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}

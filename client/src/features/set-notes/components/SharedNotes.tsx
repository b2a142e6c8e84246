import type * as Y from 'yjs';
import { useYTextArea } from '../hooks/use-y-text-area';

interface SharedNotesProps {
  ytext: Y.Text | null;
  /** Set when edits can no longer be saved (the document was closed for good). */
  readOnly: boolean;
}

/** The set's notes: a text area everyone in the set edits together. */
export function SharedNotes({ ytext, readOnly }: SharedNotesProps) {
  const textareaRef = useYTextArea(ytext);
  return (
    <div className="nhsuk-form-group">
      <h2 className="nhsuk-label-wrapper">
        <label className="nhsuk-label nhsuk-label--m" htmlFor="set-notes">
          Set notes
        </label>
      </h2>
      <div className="nhsuk-hint" id="set-notes-hint">
        Everyone in the set sees what you type as you type it. Organisers cannot see these notes.
      </div>
      <textarea
        ref={textareaRef}
        className="nhsuk-textarea"
        id="set-notes"
        name="set-notes"
        rows={10}
        aria-describedby="set-notes-hint"
        data-testid="set-notes"
        readOnly={readOnly}
      />
    </div>
  );
}

import type * as Y from 'yjs';
import { useYTextArea } from '../hooks/use-y-text-area';

interface SharedNotesProps {
  ytext: Y.Text | null;
  /** Set when edits can no longer be saved (the document was closed for good). */
  readOnly: boolean;
}

/** The page's one question: a text area everyone on the page edits together. */
export function SharedNotes({ ytext, readOnly }: SharedNotesProps) {
  const textareaRef = useYTextArea(ytext);
  return (
    <div className="nhsuk-form-group">
      <h1 className="nhsuk-label-wrapper">
        <label className="nhsuk-label nhsuk-label--l" htmlFor="shared-notes">
          Shared notes
        </label>
      </h1>
      <div className="nhsuk-hint" id="shared-notes-hint">
        Everyone on this page sees what you type as you type it.
      </div>
      <textarea
        ref={textareaRef}
        className="nhsuk-textarea"
        id="shared-notes"
        name="shared-notes"
        rows={10}
        aria-describedby="shared-notes-hint"
        data-testid="shared-notes"
        readOnly={readOnly}
      />
    </div>
  );
}

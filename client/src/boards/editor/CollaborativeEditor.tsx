import { lazy, Suspense } from 'react';
import type { CollaborativeEditorProps } from './editor-props';

/**
 * TipTap and ProseMirror are most of a board page's JavaScript. They load in parallel with the
 * page (the import starts as soon as a board page is opened) rather than before it, so the page
 * and its sections show at once and each field becomes editable a moment later.
 */
const loadEditor = () =>
  import('./TipTapEditor').then((module) => ({ default: module.TipTapEditor }));
const TipTapEditor = lazy(loadEditor);
void loadEditor();

/**
 * A rich-text field on a board, edited by several people at once: each sees the others' named,
 * coloured carets. Locked fields show the same live text and say why they are locked.
 */
export function CollaborativeEditor(props: CollaborativeEditorProps) {
  return (
    <Suspense fallback={<EditorLoading {...props} />}>
      <TipTapEditor {...props} />
    </Suspense>
  );
}

/** The field's label and hint while the editor loads. */
function EditorLoading({ id, label, hint }: CollaborativeEditorProps) {
  return (
    <div className="nhsuk-form-group app-editor">
      <p className="nhsuk-label nhsuk-label--s app-editor__label" id={`${id}-label`}>
        {label}
      </p>
      {hint && (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      <p className="nhsuk-body-s" role="status">
        Loading the editor…
      </p>
    </div>
  );
}

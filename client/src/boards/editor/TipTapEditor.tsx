import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useMemo } from 'react';
import { CaretAwareness } from './caret-awareness';
import { CaretPeople } from './CaretPeople';
import type { CollaborativeEditorProps } from './editor-props';
import { editorExtensions } from './editor-extensions';
import { readOnlyFragmentOf } from './read-only-mirror';
import './editor.css';

const EVERYONE = (): boolean => true;

function contentAttributes(
  props: Pick<CollaborativeEditorProps, 'id' | 'editable'>,
  describedBy: string[],
): Record<string, string> {
  const attributes: Record<string, string> = {
    id: props.id,
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-labelledby': `${props.id}-label`,
    'aria-readonly': props.editable ? 'false' : 'true',
    // A locked field is not content-editable, which would also take it out of the tab order;
    // keep it reachable so its words can be read and selected from the keyboard.
    tabindex: '0',
    class: props.editable
      ? 'app-editor__content'
      : 'app-editor__content app-editor__content--locked',
  };
  if (describedBy.length > 0) attributes['aria-describedby'] = describedBy.join(' ');
  return attributes;
}

/**
 * The TipTap editor behind `CollaborativeEditor` (loaded on demand). A rich-text field on a board, edited by several people at once: each sees the others' coloured
 * carets, and their names on a line above the field (never over the text). Locked fields show the same live text and say why they are locked; they are
 * bound to a receive-only mirror of the board, so they can never write to it.
 */
export function TipTapEditor(props: CollaborativeEditorProps) {
  const { fragment, awareness, label, hint, editable, lockedReason, id, lockedNoticeId } = props;
  const source = useMemo(
    () => (editable ? fragment : readOnlyFragmentOf(fragment)),
    [editable, fragment],
  );
  const carets = useMemo(
    () => (awareness ? new CaretAwareness(awareness, { publish: editable }) : null),
    [awareness, editable],
  );
  // The rule may be a new function on every render (and the meeting may have moved on): the
  // carets are redrawn by the latest one.
  const writers = props.writers ?? EVERYONE;
  useEffect(() => carets?.setMayWrite(writers), [carets, writers]);
  const extensions = useMemo(() => editorExtensions(source, carets), [source, carets]);
  const hintId = hint ? `${id}-hint` : null;
  const ownReason = !editable && lockedReason !== undefined && !lockedNoticeId;
  const lockedId = ownReason ? `${id}-locked` : null;
  const sharedNoticeId = !editable && lockedNoticeId ? lockedNoticeId : null;
  const describedBy = [hintId, lockedId ?? sharedNoticeId].filter(
    (value): value is string => value !== null,
  );
  const attributes = contentAttributes({ id, editable }, describedBy);
  const attributesKey = JSON.stringify(attributes);

  const editor = useEditor(
    {
      extensions,
      editable,
      // TipTap would add its base styles in a <style> element, which our CSP refuses: they
      // are in editor.css instead.
      injectCSS: false,
      editorProps: { attributes },
    },
    // A new section, lock state or awareness needs a new binding: make the editor again.
    [extensions],
  );

  // The hint and reason can change without a new binding: update the attributes in place.
  useEffect(() => {
    if (!editor.isDestroyed) {
      const current = JSON.parse(attributesKey) as Record<string, string>;
      editor.setOptions({ editorProps: { attributes: current } });
    }
  }, [editor, attributesKey]);

  return (
    <div className="nhsuk-form-group app-editor">
      {/* A contenteditable region cannot be a <label>'s control: it is named with aria-labelledby. */}
      <p
        className="nhsuk-label nhsuk-label--s app-editor__label"
        id={`${id}-label`}
        onClick={() => editor.commands.focus()}
      >
        {label}
      </p>
      {hint && (
        <div className="nhsuk-hint" id={hintId ?? undefined}>
          {hint}
        </div>
      )}
      {lockedId && (
        <p className="app-editor__locked" id={lockedId} data-testid={`${id}-locked`}>
          You cannot write here. {lockedReason}
        </p>
      )}
      {carets && <CaretPeople carets={carets} fragment={source} />}
      <EditorContent editor={editor} />
    </div>
  );
}

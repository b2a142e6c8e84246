/** The rich-text editor's parts: plain prose, bound to one section of a board. */
import type { Extensions } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import StarterKit from '@tiptap/starter-kit';
import type * as Y from 'yjs';
import type { CaretAwareness } from './caret-awareness';
import { renderCaret, renderSelection } from './caret-render';

/**
 * `carets` is the editor's own view of the board's awareness (`CaretAwareness`): it decides
 * whose carets show here and whether this editor may publish its own.
 */
export function editorExtensions(
  fragment: Y.XmlFragment,
  carets: CaretAwareness | null,
): Extensions {
  const extensions: Extensions = [
    StarterKit.configure({
      // Collaboration brings its own undo, which undoes only this person's changes.
      undoRedo: false,
      // Fields sit under the page's h2 sections: headings typed with "#" stay below them.
      heading: { levels: [3, 4] },
      link: { openOnClick: false },
    }),
    Collaboration.configure({ fragment }),
  ];
  if (carets) {
    extensions.push(
      CollaborationCaret.configure({
        // The extension only needs `provider.awareness`; the y-websocket provider is not ours to hand on.
        provider: { awareness: carets },
        // The extension writes `user` into our awareness state; keep what is there (the server
        // overwrites it with the identity it knows anyway).
        user: (carets.getLocalState()?.user as Record<string, unknown> | undefined) ?? {},
        render: renderCaret,
        selectionRender: renderSelection,
      }),
    );
  }
  return extensions;
}

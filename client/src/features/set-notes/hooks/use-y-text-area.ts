import { type RefObject, useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { transformSelection } from '../lib/selection';
import { diffText } from '../lib/text-diff';

/**
 * Binds an uncontrolled <textarea> to a Y.Text, both ways:
 * - each local input becomes one minimal splice, applied in one transaction tagged with this
 *   binding as origin (so our own observer can ignore it);
 * - each remote change rewrites the textarea and carries the caret and selection through it.
 *
 * Both directions run synchronously inside one event, so between events the textarea always
 * shows exactly the Y.Text, and a local diff is always taken against the right base. The price:
 * a remote change that lands while an input method is composing (e.g. a phone keyboard's
 * suggestion) ends that composition early. Deferring remote changes instead would need the
 * local diff to be rebased over them, which this simple binding does not attempt.
 */
export function useYTextArea(ytext: Y.Text | null): RefObject<HTMLTextAreaElement | null> {
  const ref = useRef<HTMLTextAreaElement | null>(null);

  useEffect(() => {
    const textarea = ref.current;
    if (!textarea || !ytext) return;
    const origin = {}; // unique per binding: identifies our own transactions

    const pushLocal = (): void => {
      const before = ytext.toString();
      const after = textarea.value;
      if (before === after) return;
      const splice = diffText(before, after, textarea.selectionEnd);
      ytext.doc?.transact(() => {
        if (splice.deleteCount > 0) ytext.delete(splice.index, splice.deleteCount);
        if (splice.insert !== '') ytext.insert(splice.index, splice.insert);
      }, origin);
    };

    const pullRemote = (event: Y.YTextEvent, transaction: Y.Transaction): void => {
      if (transaction.origin === origin) return;
      const focused = document.activeElement === textarea;
      const selection = { start: textarea.selectionStart, end: textarea.selectionEnd };
      const direction = textarea.selectionDirection;
      textarea.value = ytext.toString();
      // Setting the value moves the caret to the end; put it back where the person had it.
      if (focused) {
        const moved = transformSelection(selection, event.delta);
        textarea.setSelectionRange(moved.start, moved.end, direction);
      }
    };

    textarea.value = ytext.toString();
    ytext.observe(pullRemote);
    textarea.addEventListener('input', pushLocal);
    return () => {
      ytext.unobserve(pullRemote);
      textarea.removeEventListener('input', pushLocal);
    };
  }, [ytext]);

  return ref;
}

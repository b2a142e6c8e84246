/**
 * How other people's carets and selections are drawn. The page's Content Security Policy has no
 * 'unsafe-inline' for styles, so a `style` attribute written with `setAttribute` (as the caret
 * extension's defaults do) is refused. Colours go through the CSSOM (`element.style`) instead,
 * which the policy allows; ProseMirror applies a decoration's `style` the same way.
 */
import type { DecorationAttrs } from '@tiptap/pm/view';
import { caretIdentityOf, selectionBackgroundOf } from './caret-identity';

/** A caret: a coloured bar with the person's name above it, hidden from screen readers. */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const identity = caretIdentityOf(user);
  const caret = document.createElement('span');
  caret.className = 'app-caret';
  // The name is for sighted co-editors; read aloud inside the text it would garble it.
  caret.setAttribute('aria-hidden', 'true');
  caret.dataset.caretOf = identity.name;
  caret.style.borderColor = identity.colour;
  const label = document.createElement('span');
  label.className = 'app-caret__label';
  label.style.backgroundColor = identity.colour;
  label.textContent = identity.name;
  // Word joiners keep the caret from breaking the line it sits on.
  caret.append('\u2060', label, '\u2060');
  return caret;
}

/** Another person's selection: a light wash of their colour. */
export function renderSelection(user: Record<string, unknown>): DecorationAttrs {
  const identity = caretIdentityOf(user);
  return {
    class: 'app-caret-selection',
    style: `background-color: ${selectionBackgroundOf(identity)}`,
  };
}

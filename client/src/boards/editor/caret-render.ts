/**
 * How other people's carets and selections are drawn. The page's Content Security Policy has no
 * 'unsafe-inline' for styles, so a `style` attribute written with `setAttribute` (as the caret
 * extension's defaults do) is refused. Colours go through the CSSOM (`element.style`) instead,
 * which the policy allows; ProseMirror applies a decoration's `style` the same way.
 */
import type { DecorationAttrs } from '@tiptap/pm/view';
import { caretIdentityOf, selectionBackgroundOf } from './caret-identity';

/**
 * A caret: a bar in the person's colour with a small flag on top, hidden from screen readers.
 * Their name is not drawn here, where it would cover the line above: it is on the "Also writing
 * here" line above the field (`CaretPeople`), beside a swatch of the same colour.
 */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const identity = caretIdentityOf(user);
  const caret = document.createElement('span');
  caret.className = 'app-caret';
  caret.setAttribute('aria-hidden', 'true');
  caret.dataset.caretOf = identity.name;
  if (typeof user.id === 'string') caret.dataset.caretPerson = user.id;
  caret.style.borderColor = identity.colour;
  const flag = document.createElement('span');
  flag.className = 'app-caret__flag';
  flag.style.backgroundColor = identity.colour;
  // Word joiners keep the caret from breaking the line it sits on.
  caret.append('\u2060', flag, '\u2060');
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

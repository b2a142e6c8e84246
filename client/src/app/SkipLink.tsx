import type { MouseEvent } from 'react';

/**
 * Lets keyboard users jump past the header (WCAG 2.4.1). Like NHS.UK frontend's skip link
 * script, it moves focus to the main landmark itself, because a non-focusable target only moves
 * the scroll position in some browsers.
 */
export function SkipLink({ targetId }: { targetId: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>): void => {
    const target = document.getElementById(targetId);
    if (!target) return;
    event.preventDefault();
    target.setAttribute('tabindex', '-1');
    target.addEventListener('blur', () => target.removeAttribute('tabindex'), { once: true });
    target.focus();
  };
  return (
    <a className="nhsuk-skip-link" href={`#${targetId}`} onClick={onClick}>
      Skip to main content
    </a>
  );
}

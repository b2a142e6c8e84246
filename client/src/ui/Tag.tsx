import type { TagColour } from './labels';

/** NHS.UK tag: a short status word. Its colour repeats what the word says. */
export function Tag({ label, colour }: { label: string; colour: TagColour }) {
  return <strong className={`nhsuk-tag nhsuk-tag--${colour}`}>{label}</strong>;
}

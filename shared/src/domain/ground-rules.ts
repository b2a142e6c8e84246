/**
 * The ground rules a new set starts from (docs/domain.md, "Ground rules"). The set drafts and agrees
 * its own at its first meeting; invitations show these so people know what they are joining.
 */
export const DEFAULT_GROUND_RULES: readonly string[] = [
  'What is said in the set stays in the set. The facilitator reports nothing out.',
  'We come to every meeting we can, and send apologies when we cannot.',
  'We start and finish on time.',
  'We share the time fairly and listen without interrupting.',
  'We ask questions; we do not give advice.',
  'Only the presenter keeps notes of their slot, unless they ask for a scribe.',
  'We join from a private space, with other devices put away.',
];

/**
 * A published version's text as its rules, one per line, without the bullets or numbers they
 * were typed with: the set page and the set board number them, and the next draft starts
 * from them.
 */
export function rulesOfVersion(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[•*-]|\d+[.)])\s*/, '').trim())
    .filter((line) => line !== '');
}

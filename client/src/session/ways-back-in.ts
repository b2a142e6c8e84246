import type { SessionView } from '@setboard/shared';

/**
 * Whether signing out would leave the person with no way back in by themselves: no passkey, and
 * no e-mail address Setboard can send a link to (only counts when mail is set up).
 */
export function signOutLeavesNoWayBack(view: SessionView): boolean {
  const account = view.account;
  if (!account) return false;
  const byMail = view.mailEnabled && account.email !== '';
  return account.passkeys === 0 && !byMail;
}

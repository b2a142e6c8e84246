/**
 * Who may issue a sign-in link for whom, and mailing an invitation to the address entered
 * (docs/security.md, "Sign-in links" and "Mail").
 */
import type { SetRole } from '@setboard/shared';
import type { LinkRecord } from '../access/records.js';
import type { AccessServices } from '../access/services.js';
import { invitationMail } from '../mail/access-mail.js';

/**
 * Why the actor may not issue a set's sign-in link for someone with role `target`, or null when
 * they may. A facilitator issues them for their set's members; an organiser only for the
 * facilitator (and, elsewhere, other organisers) — never for members, whose content organisers
 * must not reach.
 */
export function signInLinkRefusal(
  actorRole: SetRole | null,
  target: SetRole,
  actorIsOrganiser: boolean,
): string | null {
  if (actorRole === 'facilitator') {
    return target === 'member' ? null : 'A facilitator issues sign-in links for the set’s members.';
  }
  if (actorIsOrganiser && target === 'facilitator') return null;
  return 'Organisers issue sign-in links only for facilitators and other organisers. A member’s sign-in link comes from their facilitator.';
}

/** Sends an invitation to the address its creator entered; true when the server accepted it. */
export async function mailInvitation(
  services: AccessServices,
  link: LinkRecord,
  url: string,
): Promise<boolean> {
  const { mailer } = services;
  if (!mailer || !link.email || link.kind === 'sign_in') return false;
  const set = link.setId ? await services.sets.get(link.setId) : null;
  try {
    await mailer.send(
      invitationMail(link.email, {
        kind: link.kind,
        invitedByName: await services.sets.personName(link.createdBy),
        set: set && { name: set.name, purpose: set.purpose, meetings: set.meetings },
        url,
        expiresAt: link.expiresAt,
      }),
    );
    return true;
  } catch {
    // The link stands: the organiser can still copy it and send it themselves.
    return false;
  }
}

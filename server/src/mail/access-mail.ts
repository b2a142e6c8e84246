/**
 * The messages about getting in: an invitation, an e-mailed sign-in link, and the notice that a
 * link someone else issued was used to sign in as the person. Plain and useful: who, what set,
 * when it meets, the link, how to decline — never anything written in a set.
 */
import type { LinkKind, MeetingPlan } from '@setboard/shared';
import { composeMail } from './mail-text.js';
import type { MailMessage } from './mailer.js';

const LONDON_DAY = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const LONDON_MOMENT = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  dateStyle: 'long',
  timeStyle: 'short',
});

function meetingLine(plan: MeetingPlan): string {
  const day = LONDON_DAY.format(new Date(`${plan.date}T12:00:00Z`));
  return `${day}, ${plan.startTime} to ${plan.endTime}`;
}

export function invitationMail(
  to: string,
  invitation: {
    kind: Exclude<LinkKind, 'sign_in'>;
    invitedByName: string;
    set: { name: string; purpose: string; meetings: MeetingPlan[] } | null;
    url: string;
    expiresAt: number;
  },
): MailMessage {
  const { set } = invitation;
  const role =
    invitation.kind === 'organiser'
      ? 'an organiser on Setboard'
      : invitation.kind === 'facilitator'
        ? `the facilitator of the action learning set “${set?.name ?? ''}”`
        : `a member of the action learning set “${set?.name ?? ''}”`;
  const paragraphs: (string | { link: string; label: string })[] = [
    `${invitation.invitedByName} has invited you to be ${role}.`,
  ];
  if (set?.purpose) paragraphs.push(`What the set is for: ${set.purpose}`);
  if (set && set.meetings.length > 0) {
    paragraphs.push(
      `The set meets on these dates:\n${set.meetings.map((plan) => `- ${meetingLine(plan)}`).join('\n')}`,
    );
  }
  paragraphs.push(
    { link: invitation.url, label: 'Open the invitation to accept or decline' },
    `The link works once and until ${LONDON_MOMENT.format(invitation.expiresAt)}. To decline, open it and choose “Decline”; nothing about you is kept.`,
    'If you were not expecting this, you can ignore this message.',
  );
  return composeMail(to, {
    subject: set ? `Invitation to join ${set.name}` : 'Invitation to be a Setboard organiser',
    paragraphs,
  });
}

export function signInLinkMail(to: string, link: { url: string; expiresAt: number }): MailMessage {
  return composeMail(to, {
    subject: 'Your Setboard sign-in link',
    paragraphs: [
      'Someone asked for a link to sign in to Setboard with this address.',
      { link: link.url, label: 'Sign in to Setboard' },
      `The link works once and until ${LONDON_MOMENT.format(link.expiresAt)}.`,
      'If it was not you, you can ignore this message: nobody can sign in without the link.',
    ],
  });
}

export function delegatedSignInMail(
  to: string,
  notice: { issuedByName: string; issuedAt: number; at: number; appUrl: string },
): MailMessage {
  return composeMail(to, {
    subject: 'Someone signed in to Setboard with a link issued for you',
    paragraphs: [
      `At ${LONDON_MOMENT.format(notice.at)}, a sign-in link that ${notice.issuedByName} issued for you on ${LONDON_MOMENT.format(notice.issuedAt)} was used to sign in as you.`,
      'That sign-in opens your sets, but not your learning log or your account settings until you prove it is you with a link e-mailed to you or your recovery code.',
      'If it was not you, tell your organiser, and sign in yourself to see this notice in Setboard.',
      { link: notice.appUrl, label: 'Open Setboard' },
    ],
  });
}

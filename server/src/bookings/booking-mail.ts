/**
 * The e-mails bookings send when the deployment has mail (SMTP_URL): plain, short, with the set's
 * name and dates and the one link that matters. Nothing from any board, and nothing one applicant
 * wrote goes to anyone but the organisers and that applicant.
 */
import type { MeetingPlan } from '@setboard/shared';
import { composeMail } from '../mail/mail-text.js';
import type { MailMessage } from '../mail/mailer.js';

const datesOf = (meetings: readonly MeetingPlan[]) =>
  meetings.length === 0
    ? 'Dates to be confirmed.'
    : `Planned dates: ${meetings.map((plan) => `${plan.date} from ${plan.startTime}`).join('; ')}.`;

const STATUS_HINT =
  'You can see your booking at any time on your status page: use the link in the first e-mail we sent you when you applied.';

export const bookingMail = {
  applied: (to: string, setName: string, meetings: readonly MeetingPlan[], statusUrl: string) =>
    composeMail(to, {
      subject: `Your booking for ${setName}`,
      paragraphs: [
        `Thank you for booking a place in ${setName}. The organiser will look at every application and may come back to you with a question.`,
        datesOf(meetings),
        { label: 'Your booking status page (keep this link: it is only for you)', link: statusUrl },
        'If you did not book this place, you can ignore this message.',
      ],
    }),
  question: (to: string, setName: string, question: string): MailMessage =>
    composeMail(to, {
      subject: `A question about your booking for ${setName}`,
      paragraphs: [
        `The organiser of ${setName} has a question about your booking:`,
        question,
        `${STATUS_HINT} You can answer there.`,
      ],
    }),
  confirmed: (
    to: string,
    setName: string,
    meetings: readonly MeetingPlan[],
    message: string,
    invitationUrl: string,
  ) =>
    composeMail(to, {
      subject: `Your place in ${setName} is confirmed`,
      paragraphs: [
        `Your place in ${setName} is confirmed.`,
        ...(message ? [message] : []),
        datesOf(meetings),
        { label: 'Accept your invitation and join the set', link: invitationUrl },
        'The link works once and expires in 14 days. If you can no longer take part, open it and choose to decline.',
      ],
    }),
  declined: (to: string, setName: string, message: string) =>
    composeMail(to, {
      subject: `Your booking for ${setName}`,
      paragraphs: [
        `The organiser of ${setName} could not offer you a place this time. Their message:`,
        message,
        STATUS_HINT,
      ],
    }),
};

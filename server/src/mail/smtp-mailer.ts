/** The Mailer adapter over nodemailer's SMTP transport (pooled, so digests reuse connections). */
import nodemailer from 'nodemailer';
import type { Mailer } from './mailer.js';

export interface SmtpSettings {
  /** smtp:// or smtps:// with optional user:password@ and ?options nodemailer understands. */
  url: string;
  /** The From header, e.g. `Setboard <setboard@trust.nhs.uk>`. */
  from: string;
}

export function createSmtpMailer(settings: SmtpSettings): Mailer {
  const transport = nodemailer.createTransport(settings.url, { from: settings.from });
  return {
    async send(message) {
      await transport.sendMail({
        from: settings.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        ...(message.headers ? { headers: message.headers } : {}),
      });
    },
    close: () => transport.close(),
  };
}

/**
 * The Mailer port: how Setboard sends e-mail when a deployment has configured it (SMTP_URL).
 * Without it nothing offers or tries to send mail, so every caller receives `Mailer | undefined`
 * and decides what a person sees instead. Messages never carry board content.
 */
export interface MailMessage {
  /** One address. */
  to: string;
  subject: string;
  /** Plain text, always present: many NHS mail clients show it first. */
  text: string;
  html: string;
  /** Extra headers, e.g. `List-Unsubscribe` on reminder digests. */
  headers?: Record<string, string>;
}

export interface Mailer {
  /** Resolves once the SMTP server has accepted the message; rejects if it refused it. */
  send(message: MailMessage): Promise<void>;
  close(): void;
}

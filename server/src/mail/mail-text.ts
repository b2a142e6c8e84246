/**
 * Building mail bodies: one plain paragraph list rendered as text and as minimal, escaped HTML,
 * so every message reads the same in either form and no caller writes HTML by hand.
 */
import type { MailMessage } from './mailer.js';

export interface MailContent {
  subject: string;
  /** Paragraphs in order; a `link` paragraph becomes a link in HTML and a bare URL in text. */
  paragraphs: readonly (string | { link: string; label: string })[];
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function composeMail(to: string, content: MailContent): MailMessage {
  const text = content.paragraphs
    .map((p) => (typeof p === 'string' ? p : `${p.label}:\n${p.link}`))
    .join('\n\n');
  const html = content.paragraphs
    .map((p) =>
      typeof p === 'string'
        ? `<p>${escapeHtml(p)}</p>`
        : `<p><a href="${escapeHtml(p.link)}">${escapeHtml(p.label)}</a></p>`,
    )
    .join('\n');
  return { to, subject: content.subject, text: `${text}\n`, html };
}

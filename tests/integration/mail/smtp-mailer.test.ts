import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeMail } from '../../../server/src/mail/mail-text.js';
import { createSmtpMailer } from '../../../server/src/mail/smtp-mailer.js';
import { parseConfig } from '../../../server/src/config.js';
import { startSmtpInbox, type SmtpInbox } from '../../support/smtp-inbox.js';

describe('the SMTP mailer', () => {
  let inbox: SmtpInbox;
  beforeAll(async () => {
    inbox = await startSmtpInbox();
  });
  afterAll(() => inbox.close());

  it('delivers text and escaped HTML with the configured sender', async () => {
    const mailer = createSmtpMailer({ url: inbox.url, from: 'Setboard <setboard@example.nhs.uk>' });
    await mailer.send(
      composeMail('ben@example.nhs.uk', {
        subject: 'Your sign-in link',
        paragraphs: ['Hello <Ben> & co.', { label: 'Sign in', link: 'http://localhost/x?a=1&b=2' }],
      }),
    );
    mailer.close();
    const [mail] = inbox.to('ben@example.nhs.uk');
    expect(mail?.subject).toBe('Your sign-in link');
    expect(mail?.text).toContain('Hello <Ben> & co.');
    expect(mail?.text).toContain('http://localhost/x?a=1&b=2');
    expect(mail?.html).toContain('Hello &#60;Ben&#62; &#38; co.');
    expect(mail?.html).toContain('href="http://localhost/x?a=1&#38;b=2"');
    expect(mail?.headers.get('from')).toMatchObject({
      value: [{ name: 'Setboard', address: 'setboard@example.nhs.uk' }],
    });
  });

  it('rejects when the SMTP server cannot be reached', async () => {
    const mailer = createSmtpMailer({ url: 'smtp://127.0.0.1:1', from: 'x@example.nhs.uk' });
    await expect(
      mailer.send(composeMail('a@example.nhs.uk', { subject: 's', paragraphs: ['p'] })),
    ).rejects.toThrow();
    mailer.close();
  });

  it('refuses SMTP_URL without MAIL_FROM, and a URL that is not SMTP', () => {
    expect(() => parseConfig({ SMTP_URL: 'smtp://127.0.0.1:25' })).toThrow(/MAIL_FROM/);
    expect(() => parseConfig({ SMTP_URL: 'http://x', MAIL_FROM: 'a@b.c' })).toThrow(/SMTP_URL/);
    expect(parseConfig({}).SMTP_URL).toBeUndefined();
  });
});

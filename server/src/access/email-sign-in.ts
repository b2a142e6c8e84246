/**
 * "E-mail me a sign-in link": when the deployment sends mail, a person types their address and,
 * if someone on Setboard has it, a one-time link goes there. The reply is the same whether or not
 * the address is known, and the mail is sent after the reply, so neither its words nor its timing
 * say which. Attempts are limited per address and per client address. A link mailed to the
 * person's own address is theirs: it makes a strong sign-in.
 */
import type { Logger } from '../logger.js';
import { signInLinkMail } from '../mail/access-mail.js';
import type { Mailer } from '../mail/mailer.js';
import type { RateLimiter, Store } from '../store/store.js';
import type { AuditLog } from './audit-log.js';
import { refuse } from './errors.js';
import type { Links } from './links.js';
import { Collection, type PersonRecord } from './records.js';

/** How long an e-mailed sign-in link works. */
export const EMAILED_LINK_MINUTES = 60;

export class EmailSignIn {
  constructor(
    private readonly deps: {
      store: Store;
      links: Links;
      audit: AuditLog;
      logger: Logger;
      mailer: Mailer;
      perAddress: RateLimiter;
    },
  ) {}

  /** Sends a link if the address is known; resolves (with nothing to tell) either way. */
  async request(email: string, origin: string): Promise<void> {
    const verdict = await this.deps.perAddress.consume(email);
    if (!verdict.allowed) throw refuse.rateLimited(verdict.retryAfterMs);
    const person = await this.personWith(email);
    if (!person) return;
    void this.send(person, email, origin).catch((error: unknown) =>
      this.deps.logger.warn({ err: error }, 'could not send a sign-in link by e-mail'),
    );
  }

  private async send(person: PersonRecord, email: string, origin: string): Promise<void> {
    const { link, token } = await this.deps.links.create({
      kind: 'sign_in',
      setId: null,
      personId: person.id,
      createdBy: person.id,
      expiresInMinutes: EMAILED_LINK_MINUTES,
    });
    const url = this.deps.links.urlFor(origin, 'sign_in', token);
    await this.deps.mailer.send(signInLinkMail(email, { url, expiresAt: link.expiresAt }));
    await this.deps.audit.record({ action: 'mail.sign_in_sent', actorId: person.id });
  }

  private async personWith(email: string): Promise<PersonRecord | null> {
    const people = await this.deps.store.list<PersonRecord>(Collection.people);
    return people.find((record) => record.value.email === email)?.value ?? null;
  }
}

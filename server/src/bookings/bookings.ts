/**
 * Booking a place (docs/bookings.md): an organiser opens a set's booking page; anyone with the
 * link applies without an account and gets a private status link; the organiser sees each
 * application beside the mix check, asks questions, and confirms (making the set's ordinary
 * invitation) or declines with a message. No applicant ever sees another's application.
 */
import {
  applicantMixWarnings,
  bookingClosedReason,
  compositionWarnings,
  DEFAULT_COMMITMENT,
  londonDateOf,
  placesLeft,
  type ApplicationView,
  type ApplicationStatusView,
  type BookingApplicationRequest,
  type BookingPageView,
  type BookingSettingsRequest,
  type CompositionMember,
  type Reminder,
  type SetBookings,
} from '@setboard/shared';
import { refuse } from '../access/errors.js';
import type { Links } from '../access/links.js';
import {
  createRecord,
  readLink,
  readPerson,
  readRecord,
  updateRecord,
  type SetRecord,
} from '../access/records.js';
import type { Sets } from '../access/sets.js';
import { hashToken, newId, newSecretToken } from '../access/tokens.js';
import type { Logger } from '../logger.js';
import type { Mailer, MailMessage } from '../mail/mailer.js';
import type { Store } from '../store/store.js';
import { bookingMail } from './booking-mail.js';
import {
  BookingCollection,
  type ApplicationRecord,
  type BookingPageRecord,
} from './booking-records.js';

/** The parsed requests (defaults applied). */
type Settings = Required<BookingSettingsRequest>;
type Application = BookingApplicationRequest;

/** Days a booking's invitation stays usable, as for any invitation. */
const INVITATION_DAYS = 14;

export interface BookingsDeps {
  store: Store;
  sets: Sets;
  links: Links;
  now: () => number;
  logger: Logger;
  mailer: Mailer | undefined;
  /** Tells the set's facilitator and organiser a booking needs them (the notification centre). */
  notify: (reminder: Reminder) => Promise<unknown>;
}

export class Bookings {
  constructor(private readonly deps: BookingsDeps) {}

  // ——— The organiser's side ———

  /** Opens, closes or changes the set's booking page (its code never changes once made). */
  async configure(set: SetRecord, input: Settings, actorId: string): Promise<void> {
    const { store, now } = this.deps;
    const existing = await readRecord<BookingPageRecord>(store, BookingCollection.pages, set.id);
    const values = {
      open: input.open,
      listed: input.listed,
      closesOn: input.closesOn,
      commitment: input.commitment,
      updatedBy: actorId,
      updatedAt: now(),
    };
    if (existing) {
      await updateRecord<BookingPageRecord>(store, BookingCollection.pages, set.id, (page) => ({
        ...page,
        ...values,
      }));
      return;
    }
    const code = newId();
    await createRecord(store, BookingCollection.codes, code, { setId: set.id });
    await createRecord<BookingPageRecord>(store, BookingCollection.pages, set.id, {
      setId: set.id,
      code,
      ...values,
    });
  }

  /** Applications with their effect on the mix, and the page's settings. */
  async setBookings(set: SetRecord, origin: string): Promise<SetBookings> {
    const page = await this.pageOf(set.id);
    const applications = await this.applicationsOf(set.id);
    const { current, taken } = await this.currentMix(set, applications);
    const places = placesLeft(set.sizeLimits, taken);
    const open = applications.filter((a) => a.status === 'received' || a.status === 'question');
    const views = await Promise.all(
      applications.map(async (application) => ({
        ...(await this.applicationView(application)),
        mixWarnings:
          application.status === 'received' || application.status === 'question'
            ? applicantMixWarnings(current, application, open, set.sizeLimits)
            : [],
      })),
    );
    return {
      setName: set.name,
      settings: page
        ? {
            open: page.open,
            listed: page.listed,
            closesOn: page.closesOn,
            commitment: page.commitment,
            url: `${origin}/book/${page.code}`,
          }
        : null,
      closedReason: page
        ? bookingClosedReason(page, places, londonDateOf(this.deps.now()))
        : 'closed_by_organiser',
      placesLeft: places,
      mix: compositionWarnings(current, set.sizeLimits),
      applications: views.sort((a, b) => a.appliedAt - b.appliedAt),
    };
  }

  async ask(set: SetRecord, applicationId: string, text: string): Promise<void> {
    const updated = await this.change(set.id, applicationId, (application) => {
      if (isDecided(application)) throw refuse.conflict('This booking has already been decided.');
      return {
        ...application,
        status: 'question',
        messages: [...application.messages, { from: 'organiser', text, at: this.deps.now() }],
      };
    });
    await this.mail(bookingMail.question(updated.email, set.name, text));
  }

  /** Confirms a place: makes the set's invitation for the applicant's address and mails it. */
  async confirm(
    set: SetRecord,
    applicationId: string,
    message: string,
    actorId: string,
    origin: string,
  ): Promise<{ url: string; mailed: boolean }> {
    const application = await this.application(set.id, applicationId);
    if (isDecided(application)) throw refuse.conflict('This booking has already been decided.');
    const { taken } = await this.currentMix(set, await this.applicationsOf(set.id));
    if (placesLeft(set.sizeLimits, taken) <= 0) {
      throw refuse.conflict('The set is full: there is no place left to confirm.');
    }
    const { linkId, url } = await this.invite(set, application, actorId, origin);
    const confirmed = await this.change(set.id, applicationId, (current) => {
      if (isDecided(current)) throw refuse.conflict('This booking has already been decided.');
      return {
        ...current,
        status: 'confirmed',
        decisionMessage: message,
        decidedBy: actorId,
        decidedAt: this.deps.now(),
        invitationLinkId: linkId,
      };
    });
    const mailed = await this.mail(
      bookingMail.confirmed(confirmed.email, set.name, set.meetings, message, url),
    );
    return { url, mailed };
  }

  async decline(set: SetRecord, applicationId: string, message: string, actorId: string) {
    const declined = await this.change(set.id, applicationId, (application) => {
      if (isDecided(application)) throw refuse.conflict('This booking has already been decided.');
      return {
        ...application,
        status: 'declined',
        decisionMessage: message,
        decidedBy: actorId,
        decidedAt: this.deps.now(),
      };
    });
    await this.mail(bookingMail.declined(declined.email, set.name, message));
  }

  // ——— The public side ———

  /** The booking page a code names (also when closed: it says why). */
  async publicPage(code: string): Promise<BookingPageView> {
    const pointer = await readRecord<{ setId: string }>(
      this.deps.store,
      BookingCollection.codes,
      code,
    );
    const set = pointer ? await this.deps.sets.get(pointer.setId) : null;
    const page = set ? await this.pageOf(set.id) : null;
    if (!set || !page) throw refuse.notFound('That booking page');
    return this.publicView(set, page);
  }

  /** Open pages their organisers chose to list on `/book`. */
  async listed(): Promise<BookingPageView[]> {
    const pages = await this.deps.store.list<BookingPageRecord>(BookingCollection.pages);
    const views = await Promise.all(
      pages
        .filter(({ value }) => value.open && value.listed)
        .map(async ({ value }) => {
          const set = await this.deps.sets.get(value.setId);
          return set && set.lifecycle !== 'closed' ? this.publicView(set, value) : null;
        }),
    );
    return views.filter((view): view is BookingPageView => view !== null && view.open);
  }

  /** Takes an application; returns the applicant's private status address. */
  async apply(code: string, input: Application, origin: string): Promise<string> {
    const view = await this.publicPage(code);
    if (!view.open) throw refuse.conflict(closedMessage(view));
    const pointer = (await readRecord<{ setId: string }>(
      this.deps.store,
      BookingCollection.codes,
      code,
    ))!;
    const set = (await this.deps.sets.get(pointer.setId))!;
    const token = newSecretToken();
    const application: ApplicationRecord = {
      id: newId(),
      setId: set.id,
      name: input.name,
      organisation: input.organisation,
      jobTitle: input.jobTitle,
      band: input.band,
      hopes: input.hopes,
      email: input.email,
      status: 'received',
      messages: [],
      decisionMessage: '',
      decidedBy: null,
      decidedAt: null,
      invitationLinkId: null,
      statusTokenHash: hashToken(token),
      createdAt: this.deps.now(),
    };
    const { store } = this.deps;
    await createRecord(store, BookingCollection.statusTokens, application.statusTokenHash, {
      setId: set.id,
      applicationId: application.id,
    });
    await createRecord(store, BookingCollection.applications(set.id), application.id, application);
    const statusUrl = `${origin}/booking-status#${token}`;
    await this.mail(bookingMail.applied(application.email, set.name, set.meetings, statusUrl));
    await this.tellOrganisers(set, application);
    return statusUrl;
  }

  /** The applicant's own status, found by their status token. */
  async status(token: string): Promise<ApplicationStatusView> {
    const { set, application } = await this.byToken(token);
    const view = await this.applicationView(application);
    return {
      setName: set.name,
      meetings: set.meetings,
      name: application.name,
      status: application.status,
      messages: application.messages,
      decisionMessage: application.decisionMessage,
      appliedAt: application.createdAt,
      joined: view.joined,
    };
  }

  async answer(token: string, text: string): Promise<ApplicationStatusView> {
    const { set, application } = await this.byToken(token);
    await this.change(set.id, application.id, (current) => {
      if (isDecided(current)) throw refuse.conflict('This booking has already been decided.');
      return {
        ...current,
        messages: [...current.messages, { from: 'applicant', text, at: this.deps.now() }],
      };
    });
    return this.status(token);
  }

  /**
   * A confirmed applicant's invitation link. Tokens are stored only as hashes, so this makes a
   * fresh one and withdraws the one before (which may have been mailed or passed on).
   */
  async invitation(token: string, origin: string): Promise<string> {
    const { set, application } = await this.byToken(token);
    if (application.status !== 'confirmed') {
      throw refuse.conflict('Your place has not been confirmed yet.');
    }
    const previous = application.invitationLinkId
      ? await readLink(this.deps.store, application.invitationLinkId)
      : null;
    if (previous?.status === 'used') throw refuse.linkUsed();
    if (previous?.status === 'pending') {
      await this.deps.links.revoke(previous.id, set.id, application.decidedBy ?? set.createdBy);
    }
    const { linkId, url } = await this.invite(
      set,
      application,
      application.decidedBy ?? set.createdBy,
      origin,
    );
    await this.change(set.id, application.id, (current) => ({
      ...current,
      invitationLinkId: linkId,
    }));
    return url;
  }

  // ——— Helpers ———

  private async publicView(set: SetRecord, page: BookingPageRecord): Promise<BookingPageView> {
    const { taken } = await this.currentMix(set, await this.applicationsOf(set.id));
    const places = placesLeft(set.sizeLimits, taken);
    const closedReason =
      set.lifecycle === 'closed'
        ? 'closed_by_organiser'
        : bookingClosedReason(page, places, londonDateOf(this.deps.now()));
    return {
      code: page.code,
      setName: set.name,
      purpose: set.purpose,
      meetings: set.meetings,
      commitment: page.commitment || DEFAULT_COMMITMENT,
      closesOn: page.closesOn,
      open: closedReason === null,
      closedReason,
      placesLeft: places,
    };
  }

  /**
   * The mix as it stands: active members and facilitator, plus confirmed applicants who have
   * not joined yet (their places are taken). `taken` counts members' places.
   */
  private async currentMix(set: SetRecord, applications: ApplicationRecord[]) {
    const active = Object.entries(set.members).filter(([, entry]) => entry.status === 'active');
    const people = await Promise.all(
      active.map(async ([personId, entry]) => {
        const person = await readPerson(this.deps.store, personId);
        return person
          ? {
              name: person.name,
              organisation: person.organisation,
              band: person.band,
              role: entry.role,
            }
          : null;
      }),
    );
    const waiting: CompositionMember[] = [];
    for (const application of applications) {
      if (application.status !== 'confirmed') continue;
      if ((await this.applicationView(application)).joined) continue;
      waiting.push({ ...application, role: 'member' });
    }
    const current = [...people.filter((p): p is CompositionMember => p !== null), ...waiting];
    return { current, taken: current.filter((person) => person.role === 'member').length };
  }

  private async applicationView(
    application: ApplicationRecord,
  ): Promise<Omit<ApplicationView, 'mixWarnings'>> {
    const link = application.invitationLinkId
      ? await readLink(this.deps.store, application.invitationLinkId)
      : null;
    return {
      id: application.id,
      name: application.name,
      organisation: application.organisation,
      jobTitle: application.jobTitle,
      band: application.band,
      hopes: application.hopes,
      email: application.email,
      status: application.status,
      messages: application.messages,
      decisionMessage: application.decisionMessage,
      appliedAt: application.createdAt,
      joined: link?.status === 'used',
    };
  }

  private async invite(
    set: SetRecord,
    application: ApplicationRecord,
    actorId: string,
    origin: string,
  ) {
    const { link, token } = await this.deps.links.create({
      kind: 'member',
      setId: set.id,
      createdBy: actorId,
      email: application.email,
      note: `Booked place: ${application.name}`.slice(0, 200),
      expiresInDays: INVITATION_DAYS,
    });
    return { linkId: link.id, url: this.deps.links.urlFor(origin, 'member', token) };
  }

  private async pageOf(setId: string) {
    return readRecord<BookingPageRecord>(this.deps.store, BookingCollection.pages, setId);
  }

  private async applicationsOf(setId: string): Promise<ApplicationRecord[]> {
    const records = await this.deps.store.list<ApplicationRecord>(
      BookingCollection.applications(setId),
    );
    return records.map((record) => record.value);
  }

  private async application(setId: string, applicationId: string): Promise<ApplicationRecord> {
    const found = await readRecord<ApplicationRecord>(
      this.deps.store,
      BookingCollection.applications(setId),
      applicationId,
    );
    if (!found) throw refuse.notFound('That booking');
    return found;
  }

  private async change(
    setId: string,
    applicationId: string,
    change: (application: ApplicationRecord) => ApplicationRecord,
  ): Promise<ApplicationRecord> {
    await this.application(setId, applicationId);
    return updateRecord(
      this.deps.store,
      BookingCollection.applications(setId),
      applicationId,
      change,
    );
  }

  private async byToken(token: string) {
    const pointer = await readRecord<{ setId: string; applicationId: string }>(
      this.deps.store,
      BookingCollection.statusTokens,
      hashToken(token),
    );
    const set = pointer ? await this.deps.sets.get(pointer.setId) : null;
    if (!pointer || !set) throw refuse.linkUnknown();
    return { set, application: await this.application(set.id, pointer.applicationId) };
  }

  /** Tells the set's facilitator and its creator that a booking arrived (no applicant content). */
  private async tellOrganisers(set: SetRecord, application: ApplicationRecord) {
    const facilitator = Object.entries(set.members).find(
      ([, entry]) => entry.status === 'active' && entry.role === 'facilitator',
    )?.[0];
    const people = new Set([set.createdBy, ...(facilitator ? [facilitator] : [])]);
    const at = this.deps.now();
    for (const personId of people) {
      await this.deps.notify({
        key: `booking:${set.id}:${application.id}`,
        personId,
        kind: 'booking_received',
        triggerAt: at,
        expiresAt: Number.MAX_SAFE_INTEGER,
        title: `A new booking for ${set.name} needs a decision`,
        detail: '',
        link: `/organiser/sets/${set.id}/bookings`,
      });
    }
  }

  /** Sends when mail is configured; a failed send is logged and never undoes the change. */
  private async mail(message: MailMessage): Promise<boolean> {
    if (!this.deps.mailer) return false;
    try {
      await this.deps.mailer.send(message);
      return true;
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'could not send a booking e-mail');
      return false;
    }
  }
}

const isDecided = (application: ApplicationRecord) =>
  application.status === 'confirmed' || application.status === 'declined';

function closedMessage(view: BookingPageView): string {
  switch (view.closedReason) {
    case 'full':
      return 'Bookings for this set have closed: every place is taken.';
    case 'past_closing_date':
      return 'Bookings for this set have closed: the closing date has passed.';
    default:
      return 'This set is not taking bookings at the moment.';
  }
}

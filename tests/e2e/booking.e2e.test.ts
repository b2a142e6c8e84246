/**
 * [AT-GI5] Booking a place end to end in Chromium, with mail through a real in-process SMTP
 * server: the organiser opens bookings; three people book (two from the same Trust); the
 * organiser sees the mix warnings, asks one a question, confirms two — who receive their
 * invitations and join — and declines one, who reads the message on their status page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSmtpMailer } from '../../server/src/mail/smtp-mailer.js';
import { aSet, createSet, setUpOrganiser, type TestPerson } from '../support/actors.js';
import { chromiumForSuite } from '../support/services.js';
import { startSmtpInbox, type SmtpInbox } from '../support/smtp-inbox.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import {
  axeViolations,
  expectNoProblems,
  launchChromium,
  openWatchedPage,
  POLL,
  sidewaysOverflow,
  type WatchedPage,
} from './browser.js';

const chromium = chromiumForSuite('Booking a place end-to-end');
/** Many browser contexts on a shared 2-core machine: these journeys take minutes, not seconds. */
const SLOW_TEST_MS = 300_000;

interface Applicant {
  name: string;
  trust: string;
  band: string;
  email: string;
}

const ADA: Applicant = {
  name: 'Ada Lovelace',
  trust: 'North Trust',
  band: 'Band 8a',
  email: 'ada@example.nhs.uk',
};
const BEN: Applicant = {
  name: 'Ben Okafor',
  trust: 'North Trust',
  band: 'Band 8b',
  email: 'ben@example.nhs.uk',
};
const CY: Applicant = {
  name: 'Cy Patel',
  trust: 'South Trust',
  band: 'Band 8b',
  email: 'cy@example.nhs.uk',
};

describe.skipIf(!chromium.available)('Booking a place end-to-end', () => {
  let server: TestServer;
  let inbox: SmtpInbox;
  let browser: Browser;
  let organiser: TestPerson;
  const mailer = () =>
    createSmtpMailer({ url: inbox.url, from: 'Setboard <setboard@example.nhs.uk>' });

  beforeAll(async () => {
    inbox = await startSmtpInbox();
    server = await startTestServer({ clientDistDir: inject('clientDistDir'), mailer: mailer() });
    organiser = await setUpOrganiser(server.url, (await server.setupUrl())!);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await inbox?.close();
  });

  const openAs = async (path: string, person: TestPerson | null, width = 1024) => {
    const watched = await openWatchedPage(browser, `${server.url}${path}`, {
      ...(person ? { cookie: person.cookie } : {}),
      viewport: { width, height: 900 },
    });
    // Fail with the locator's name rather than at the test's timeout.
    watched.page.setDefaultTimeout(POLL.timeout);
    return watched;
  };

  /** Books a place from the public list, as someone with no account; returns their status page. */
  async function book(applicant: Applicant): Promise<{ watched: WatchedPage; statusUrl: string }> {
    const watched = await openAs('/book', null);
    const { page } = watched;
    await page.getByRole('link', { name: 'Heads of Service set' }).click();
    await page.getByLabel('Full name').fill(applicant.name);
    await page.getByLabel('Trust or organisation').fill(applicant.trust);
    await page.getByLabel('Job title').fill('Head of Service');
    await page.getByLabel(applicant.band, { exact: true }).check();
    await page.getByLabel('What you hope to bring and gain').fill('Fresh eyes on rota design.');
    await page.getByLabel('Email address').fill(applicant.email);
    await page.getByLabel(/I can commit to the dates/).check();
    await page.getByRole('button', { name: 'Send my booking' }).click();
    await page.getByTestId('booking-sent').waitFor();
    const statusUrl = await page.locator('#status-link').inputValue();
    return { watched, statusUrl };
  }

  const card = (page: Page, name: string) =>
    page.getByTestId('application').filter({ has: page.getByRole('heading', { name }) });

  it(
    '[AT-GI5] an organiser opens bookings, three people book, the organiser asks, confirms two (who join) and declines one',
    { timeout: SLOW_TEST_MS },
    async () => {
      const set = await createSet(server.url, organiser, aSet({ sizeLimits: { min: 2, max: 6 } }));

      // The organiser opens bookings from the dashboard and lists the set on /book.
      const desk = await openAs('/organiser', organiser, 1280);
      await desk.page.getByRole('link', { name: 'Bookings for Heads of Service set' }).click();
      const settings = desk.page.getByTestId('booking-settings');
      await settings
        .getByRole('group', { name: /List this set/ })
        .getByLabel('Yes')
        .check();
      await settings.getByRole('button', { name: 'Open bookings' }).click();
      await expect
        .poll(() => desk.page.locator('#booking-link').inputValue(), POLL)
        .toContain('/book/');
      await expect
        .poll(() => desk.page.getByTestId('bookings-state').textContent(), POLL)
        .toContain('Taking bookings');

      // A booking without the commitment is refused with a clear error, and nothing is sent.
      const careless = await openAs('/book', null);
      await careless.page.getByRole('link', { name: 'Heads of Service set' }).click();
      await careless.page.getByRole('button', { name: 'Send my booking' }).click();
      await expect
        .poll(() => careless.page.getByTestId('error-summary').textContent(), POLL)
        .toContain('Confirm that you can commit');

      const ada = await book(ADA);
      const ben = await book(BEN);
      const cy = await book(CY);
      expect(inbox.to(ADA.email)[0]?.text).toContain(ada.statusUrl);

      // Beside each booking, the mix: Ada and Ben are from the same Trust.
      await desk.page.reload();
      await expect
        .poll(() => card(desk.page, ADA.name).getByTestId('mix-warnings').textContent(), POLL)
        .toContain(`Also applying from North Trust: ${BEN.name}`);
      expect(await card(desk.page, BEN.name).getByTestId('mix-warnings').textContent()).toContain(
        ADA.name,
      );
      expect(await card(desk.page, CY.name).getByTestId('mix-warnings').count()).toBe(0);

      // A question for Ben: on his status page (and in his inbox); he answers there.
      await card(desk.page, BEN.name).getByRole('button', { name: 'Ask a question' }).click();
      await desk.page
        .getByLabel(`Your question for ${BEN.name}`)
        .fill('Would you mind sharing the set with a colleague from North Trust?');
      await desk.page.getByRole('button', { name: 'Send question' }).click();
      await expect.poll(() => inbox.to(BEN.email).length, POLL).toBe(2);
      await ben.watched.page.goto(ben.statusUrl);
      await expect
        .poll(() => ben.watched.page.getByTestId('booking-messages').textContent(), POLL)
        .toContain('colleague from North Trust');
      await ben.watched.page
        .getByLabel('Your answer')
        .fill('Not at all: we work in different hospitals.');
      await ben.watched.page.getByRole('button', { name: 'Send my answer' }).click();
      await expect
        .poll(() => ben.watched.page.getByTestId('booking-messages').textContent(), POLL)
        .toContain('different hospitals');

      // Confirm Ada and Cy: their invitations are mailed.
      await desk.page.reload();
      await expect
        .poll(() => card(desk.page, ADA.name).textContent(), POLL)
        .toContain('Fresh eyes');
      await card(desk.page, ADA.name).getByRole('button', { name: 'Confirm place' }).click();
      await expect.poll(() => inbox.to(ADA.email).length, POLL).toBe(2);
      await card(desk.page, CY.name).getByRole('button', { name: 'Confirm place' }).click();
      await expect.poll(() => inbox.to(CY.email).length, POLL).toBe(2);

      // Ada joins with the link in her e-mail.
      const invitation = inbox.to(ADA.email)[1]!;
      expect(invitation.subject).toBe('Your place in Heads of Service set is confirmed');
      const link = /http:\/\/127\.0\.0\.1:\d+\/invitation#[\w-]+/.exec(invitation.text)![0];
      await ada.watched.page.goto(link);
      await ada.watched.page.getByLabel('Full name').fill(ADA.name);
      await ada.watched.page.getByLabel('Organisation').fill(ADA.trust);
      await ada.watched.page.getByLabel('Job title').fill('Head of Service');
      await ada.watched.page.getByLabel('Band 8a').check();
      await ada.watched.page.getByRole('button', { name: 'Accept invitation' }).click();
      await expect
        .poll(() => new URL(ada.watched.page.url()).pathname, POLL)
        .toBe(`/sets/${set.id}`);

      // Cy joins from their status page instead.
      await cy.watched.page.goto(cy.statusUrl);
      await cy.watched.page.getByRole('button', { name: 'Accept your place' }).click();
      await expect.poll(() => new URL(cy.watched.page.url()).pathname, POLL).toBe('/invitation');
      await cy.watched.page.getByLabel('Full name').fill(CY.name);
      await cy.watched.page.getByLabel('Organisation').fill(CY.trust);
      await cy.watched.page.getByLabel('Job title').fill('Head of Service');
      await cy.watched.page.getByLabel('Band 8b').check();
      await cy.watched.page.getByRole('button', { name: 'Accept invitation' }).click();
      await expect
        .poll(() => new URL(cy.watched.page.url()).pathname, POLL)
        .toBe(`/sets/${set.id}`);

      // Decline Ben with a message; he reads it on his status page.
      await desk.page.reload();
      await card(desk.page, BEN.name).getByRole('button', { name: 'Decline' }).click();
      await desk.page
        .getByLabel(`Your message to ${BEN.name}`)
        .fill(
          'We already have a colleague of yours in this set; the spring set has a place for you.',
        );
      await desk.page.getByRole('button', { name: 'Decline with this message' }).click();
      await expect
        .poll(() => desk.page.getByTestId('decided-applications').textContent(), POLL)
        .toContain('Declined');
      await ben.watched.page.reload();
      await expect
        .poll(() => ben.watched.page.getByTestId('decision-message').textContent(), POLL)
        .toContain('the spring set has a place for you');
      // His page shows nothing of anyone else's booking.
      const benText = (await ben.watched.page.locator('main').textContent()) ?? '';
      expect(benText).not.toContain(ADA.name);
      expect(benText).not.toContain(CY.name);

      await desk.page.reload();
      await expect
        .poll(() => desk.page.getByTestId('decided-applications').textContent(), POLL)
        .toMatch(/Joined[\s\S]*Joined/);
      await desk.page.screenshot({ path: '/tmp/booking-organiser.png', fullPage: true });
      await ben.watched.page.screenshot({ path: '/tmp/booking-status.png', fullPage: true });
      await expectNoProblems(desk, ada.watched, cy.watched, ben.watched);
    },
  );

  it(
    '[AT-GI5] the booking, status and applications pages pass axe and fit at 1280 and 320 pixels',
    { timeout: SLOW_TEST_MS },
    async () => {
      const set = await createSet(server.url, organiser, aSet({ name: 'Axe set' }));
      const desk = await openAs(`/organiser/sets/${set.id}/bookings`, organiser);
      await desk.page
        .getByTestId('booking-settings')
        .getByRole('button', { name: 'Open bookings' })
        .click();
      await expect
        .poll(() => desk.page.locator('#booking-link').inputValue(), POLL)
        .toContain('/book/');
      const bookingPath = new URL(await desk.page.locator('#booking-link').inputValue()).pathname;
      const applicant = await openAs(bookingPath, null);
      await applicant.page.getByLabel('Full name').fill('Dee Jones');
      await applicant.page.getByLabel('Trust or organisation').fill('East Trust');
      await applicant.page.getByLabel('Job title').fill('Head of Service');
      await applicant.page.getByLabel('Band 8c').check();
      await applicant.page.getByLabel('What you hope to bring and gain').fill('Curiosity.');
      await applicant.page.getByLabel('Email address').fill('dee@example.nhs.uk');
      await applicant.page.getByLabel(/I can commit to the dates/).check();
      await applicant.page.getByRole('button', { name: 'Send my booking' }).click();
      await applicant.page.getByTestId('booking-sent').waitFor();
      const statusPath = new URL(await applicant.page.locator('#status-link').inputValue());
      const pages: Array<[string, TestPerson | null, string]> = [
        ['/book', null, 'listed-bookings'],
        [bookingPath, null, 'booking-form'],
        [`${statusPath.pathname}${statusPath.hash}`, null, 'booking-status'],
        [`/organiser/sets/${set.id}/bookings`, organiser, 'pending-applications'],
        ['/notifications', organiser, 'reminder-mail'],
      ];
      for (const width of [1280, 320]) {
        for (const [path, person, testId] of pages) {
          const watched = await openAs(path, person, width);
          if (path !== '/book') await watched.page.getByTestId(testId).waitFor();
          else await watched.page.getByRole('heading', { level: 1 }).waitFor();
          // axe at the wide layout (its rules do not depend on width); reflow at the narrow one.
          if (width === 1280) {
            expect(await axeViolations(watched.page), `${path} at ${width}px`).toEqual([]);
          }
          expect(await sidewaysOverflow(watched.page), `${path} at ${width}px`).toBe(0);
          if (width === 320)
            await watched.page.screenshot({
              path: `/tmp/booking-320-${testId}.png`,
              fullPage: true,
            });
          await expectNoProblems(watched);
          await watched.context.close();
        }
      }
    },
  );
});

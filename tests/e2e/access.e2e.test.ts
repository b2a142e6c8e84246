/**
 * Sets, people and access, end to end: the built client, served by a real server with its real
 * CSP, driven in real Chromium by people who each have their own browser context.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  acceptInvitation,
  callApi,
  createSet,
  expectOk,
  invite,
  setUpOrganiser,
  setWithPeople,
  type TestPerson,
  tokenOf,
} from '../support/actors.js';
import { chromiumForSuite } from '../support/services.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import {
  launchChromium,
  openWatchedPage,
  sidewaysOverflow,
  expectNoProblems,
  POLL,
} from './browser.js';

const chromium = chromiumForSuite('Access end-to-end');

const SET_NAME = 'Heads of Service 2027';

function pathOf(page: Page): string {
  return new URL(page.url()).pathname;
}

function headingOf(page: Page) {
  return page.getByRole('heading', { level: 1 });
}

/** Fills the profile; `band` only where the page asks (members: `givesBand`). */
async function fillProfile(
  page: Page,
  name: string,
  organisation: string,
  band?: string,
): Promise<void> {
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Organisation').fill(organisation);
  await page.getByLabel('Job title').fill('Head of Workforce');
  if (band) await page.getByLabel(band).check();
}

/** Types a date into the NHS.UK date input whose legend is `legend`. */
async function fillDate(page: Page, legend: string, day: string, month: string, year: string) {
  const group = page.getByRole('group', { name: legend, exact: true });
  await group.getByLabel('Day').fill(day);
  await group.getByLabel('Month').fill(month);
  await group.getByLabel('Year').fill(year);
}

/** The date in a date input, as "day month year". */
async function dateOf(page: Page, legend: string): Promise<string> {
  const group = page.getByRole('group', { name: legend, exact: true });
  const parts = ['Day', 'Month', 'Year'].map((part) => group.getByLabel(part).inputValue());
  return (await Promise.all(parts)).join(' ');
}

/** The same link on the test server's address (the server may know itself by another name). */
function onServer(server: TestServer, link: string): string {
  const url = new URL(link);
  return `${server.url}${url.pathname}${url.hash}`;
}

describe.skipIf(!chromium.available)('Access end-to-end', () => {
  let browser: Browser | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function freshServer(): Promise<{ server: TestServer; browser: Browser }> {
    if (!browser) throw new Error('beforeAll did not start the browser');
    const server = await startTestServer({ clientDistDir: inject('clientDistDir') });
    return { server, browser };
  }

  it('[AT-B5] the organiser uses the set-up link, creates a set and invites; a second browser context redeems the invitation and sees the set in "My sets"', async () => {
    const { server, browser } = await freshServer();
    const setupUrl = await server.setupUrl();
    if (!setupUrl) throw new Error('a fresh server should offer a set-up link');

    // The organiser sets Setboard up…
    const organiser = await openWatchedPage(browser, onServer(server, setupUrl));
    expect(organiser.headers['content-security-policy']).toContain("script-src 'self'");
    const page = organiser.page;
    await expect.poll(() => headingOf(page).textContent(), POLL).toBe('Set up Setboard');
    expect(await page.title()).toBe('Set up Setboard – Setboard');
    await fillProfile(page, 'Olu Organiser', 'Central Academy');
    await page.getByRole('button', { name: 'Set up Setboard' }).click();
    await expect.poll(() => pathOf(page), POLL).toBe('/organiser');
    expect(page.url()).not.toContain(tokenOf(setupUrl));
    expect(page.url()).not.toContain('#');

    // …creates a set, with four meetings planned from the first…
    await page.getByRole('link', { name: 'Create a set' }).click();
    await expect.poll(() => headingOf(page).textContent(), POLL).toBe('Create a set');
    await page.getByLabel('Name of the set').fill(SET_NAME);
    await page.getByLabel('Purpose').fill('Peer support for heads of service across London.');
    await fillDate(page, 'Date', '21', '9', '2027');
    await page.getByLabel('Starts at').fill('9:30');
    await page.getByLabel('Place (optional)').fill('Room 4, Academy House');
    expect(await dateOf(page, 'Meeting 2')).toBe('21 12 2027');
    // Planned on the first meeting's weekday (a Tuesday), on working days.
    expect(await dateOf(page, 'Meeting 4')).toBe('20 6 2028');
    await fillDate(page, 'Meeting 2', '14', '12', '2027');
    await page.getByRole('button', { name: 'Create set' }).click();
    await expect.poll(() => headingOf(page).textContent(), POLL).toContain(SET_NAME);
    const setPath = pathOf(page);
    expect(setPath).toMatch(/^\/sets\/[A-Za-z0-9_-]{22}$/);
    const meetings = page.getByTestId('meetings');
    expect(await meetings.innerText()).toContain('Tuesday 21 September 2027, 09:30 to 13:00');
    expect(await meetings.innerText()).toContain('Tuesday 14 December 2027, 09:30 to 13:00');
    expect(await meetings.innerText()).toContain('Tuesday 20 June 2028, 09:30 to 13:00');
    // Organisers never see a set's content.
    expect(await page.getByLabel('Set notes').count()).toBe(0);

    // …and invites a member by link.
    await page.getByLabel('Email address (optional)').fill('asha.patel@nhs.net');
    await page.getByRole('button', { name: 'Create invitation link' }).click();
    const linkField = page.getByLabel('Invitation link');
    await expect.poll(() => linkField.inputValue(), POLL).toContain('/invitation#');
    const invitationUrl = onServer(server, await linkField.inputValue());
    await expect
      .poll(() => page.getByTestId('links-table').innerText(), POLL)
      .toContain('asha.patel@nhs.net');

    // A second person, in their own browser context, opens the invitation…
    const member = await openWatchedPage(browser, invitationUrl);
    expect(member.headers['referrer-policy']).toBe('no-referrer');
    const memberPage = member.page;
    await expect
      .poll(() => headingOf(memberPage).textContent(), POLL)
      .toContain(`Join ${SET_NAME}`);
    expect(await memberPage.getByTestId('meetings').innerText()).toContain('21 September 2027');
    expect(await memberPage.getByTestId('ground-rules').innerText()).toContain(
      'What is said in the set stays in the set.',
    );
    await fillProfile(memberPage, 'Asha Patel', 'North London Trust', 'Band 8b');
    await memberPage.getByRole('button', { name: 'Accept invitation' }).click();

    // …lands on the set, with the token gone from the address bar…
    await expect.poll(() => pathOf(memberPage), POLL).toBe(setPath);
    expect(memberPage.url()).not.toContain(tokenOf(invitationUrl));
    expect(memberPage.url()).not.toContain('#');
    await expect
      .poll(() => memberPage.getByTestId('flash').innerText(), POLL)
      .toContain(`You have joined ${SET_NAME}`);

    // …and finds it in "My sets".
    await memberPage.getByRole('link', { name: 'Back to My sets' }).click();
    await expect.poll(() => headingOf(memberPage).textContent(), POLL).toBe('My sets');
    const mySets = memberPage.getByTestId('my-sets');
    await expect.poll(() => mySets.innerText(), POLL).toContain(SET_NAME);
    expect(await mySets.innerText()).toContain('Set member');
    expect(await mySets.innerText()).toContain('21 September 2027, 09:30 to 13:00');

    // The organiser sees them join, and the link used.
    await page.reload();
    await expect.poll(() => page.getByTestId('members').innerText(), POLL).toContain('Asha Patel');
    expect(await page.getByTestId('links-table').innerText()).toContain('Used');

    await expectNoProblems(organiser, member);
  });

  it('a form sent with mistakes shows an error summary linked to each field, and keeps the token', async () => {
    const { server, browser } = await freshServer();
    const setupUrl = await server.setupUrl();
    if (!setupUrl) throw new Error('a fresh server should offer a set-up link');
    const organiser = await openWatchedPage(browser, onServer(server, setupUrl));
    const page = organiser.page;
    await page.getByRole('button', { name: 'Set up Setboard' }).click();

    const summary = page.getByTestId('error-summary');
    await expect.poll(() => summary.isVisible(), POLL).toBe(true);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className), POLL)
      .toContain('nhsuk-error-summary');
    await summary.getByRole('link', { name: 'Enter your organisation' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('profile-organisation');
    // An organiser is never asked for a band (only members give one).
    expect(await summary.getByRole('link', { name: 'Choose a band' }).count()).toBe(0);
    // Following an error link must not replace the token in the fragment.
    expect(page.url()).toContain(tokenOf(setupUrl));
    expect(await page.getByLabel('Full name').getAttribute('aria-describedby')).toContain(
      'profile-name-error',
    );
    await expectNoProblems(organiser);
  });

  it('used, revoked, unknown and cut-short links each get their own page', async () => {
    const { server, browser } = await freshServer();
    const organiser = await setUpOrganiser(server.url, (await server.setupUrl())!);
    const set = await createSet(server.url, organiser);
    const used = await invite(server.url, organiser, set.id);
    await acceptAs(server, used, 'Used Once');
    const revoked = await invite(server.url, organiser, set.id);
    await revoke(server, organiser, set.id, revoked);

    const cases = [
      { url: used, heading: 'This link has already been used' },
      { url: revoked, heading: 'This link has been withdrawn' },
      {
        url: `${server.url}/invitation#${'x'.repeat(43)}`,
        heading: 'We do not recognise this link',
      },
      { url: `${server.url}/invitation#short`, heading: 'We do not recognise this link' },
      { url: `${server.url}/sign-in#${'y'.repeat(43)}`, heading: 'We do not recognise this link' },
      { url: `${server.url}/setup#${'z'.repeat(43)}`, heading: 'Setboard is already set up' },
    ];
    for (const { url, heading } of cases) {
      const watched = await openWatchedPage(browser, onServer(server, url));
      await expect.poll(() => headingOf(watched.page).textContent(), POLL).toBe(heading);
      expect(await watched.page.title()).toBe(`${heading} – Setboard`);
    }
  }, 120_000);

  it('a sign-in link signs a new device in, leaves no token in the address bar and shows "My sets"', async () => {
    const { server, browser } = await freshServer();
    const organiser = await setUpOrganiser(server.url, (await server.setupUrl())!);
    const set = await createSet(server.url, organiser);
    const asha = await acceptAs(server, await invite(server.url, organiser, set.id), 'Asha Patel');
    // A member's sign-in link comes from their facilitator (docs/security.md).
    const fran = await acceptAs(
      server,
      await invite(server.url, organiser, set.id, 'facilitator'),
      'Fran Facilitator',
    );
    const signInUrl = await signInLinkFor(server, fran, set.id, asha);

    const device = await openWatchedPage(browser, onServer(server, signInUrl));
    await expect.poll(() => headingOf(device.page).textContent(), POLL).toBe('My sets');
    expect(device.page.url()).not.toContain(tokenOf(signInUrl));
    await expect
      .poll(() => device.page.getByTestId('my-sets').innerText(), POLL)
      .toContain(set.name);
    expect(await device.page.getByTestId('signed-in-as').innerText()).toContain('Asha Patel');

    await device.page.getByRole('button', { name: 'Sign out' }).click();
    // No passkey and no e-mail address: she is warned she will need a new link to come back.
    await expect.poll(() => headingOf(device.page).textContent(), POLL).toBe('Before you sign out');
    await device.page.getByRole('button', { name: 'Sign out anyway' }).click();
    await expect.poll(() => headingOf(device.page).textContent(), POLL).toBe('Setboard');
    await expect
      .poll(() => device.page.getByTestId('flash').innerText(), POLL)
      .toContain('You have signed out');
    await expectNoProblems(device);
  });

  it('the facilitator removes a member after confirming, issues a sign-in link and hands facilitation to a member who asked', async () => {
    const { server, browser } = await freshServer();
    const team = await setWithPeople(server.url, (await server.setupUrl())!, 2);
    const setUrl = `${server.url}/sets/${team.set.id}`;
    const facilitator = await openWatchedPage(browser, setUrl, { cookie: team.facilitator.cookie });
    await facilitator.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.url,
    });
    const page = facilitator.page;
    await expect
      .poll(() => page.getByTestId('viewer-role').innerText(), POLL)
      .toContain('Facilitator');

    // Removing needs a second, explicit step.
    await page.getByRole('button', { name: 'Remove Member 2 from set' }).click();
    const confirm = page.getByTestId('remove-confirm');
    await expect.poll(() => confirm.isVisible(), POLL).toBe(true);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent), POLL)
      .toContain('Remove Member 2 from the set?');
    await page.getByRole('button', { name: 'No, keep Member 2' }).click();
    expect(await confirm.count()).toBe(0);
    await page.getByRole('button', { name: 'Remove Member 2 from set' }).click();
    await page.getByRole('button', { name: 'Yes, remove Member 2' }).click();
    const member2Row = page.getByTestId('members').getByRole('row').filter({ hasText: 'Member 2' });
    await expect.poll(() => member2Row.innerText(), POLL).toContain('Removed');

    // A sign-in link for a new device, shown once, copied with the button.
    await page.getByRole('button', { name: 'Sign-in link for Member 1' }).click();
    const signInField = page.getByLabel('Sign-in link for Member 1');
    await expect.poll(() => signInField.inputValue(), POLL).toContain('/sign-in#');
    await page.getByRole('button', { name: 'Copy sign-in link for Member 1' }).click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()), POLL)
      .toBe(await signInField.inputValue());
    expect(await page.getByRole('status').filter({ hasText: 'Copied' }).count()).toBe(1);

    // Member 1 asks to facilitate; the facilitator hands it over.
    const member = await openWatchedPage(browser, setUrl, { cookie: team.members[0]!.cookie });
    await member.page.getByRole('button', { name: 'Ask to facilitate' }).click();
    await expect
      .poll(() => member.page.getByTestId('facilitation-requested').isVisible(), POLL)
      .toBe(true);
    await page.reload();
    await page.getByRole('button', { name: 'Hand facilitation to Member 1' }).click();
    await expect
      .poll(() => page.getByTestId('viewer-role').innerText(), POLL)
      .toContain('Set member');
    await member.page.reload();
    await expect
      .poll(() => member.page.getByTestId('viewer-role').innerText(), POLL)
      .toContain('Facilitator');
    await expectNoProblems(facilitator, member);
  });

  it('an organiser invitation made on the dashboard can be declined, and another accepted', async () => {
    const { server, browser } = await freshServer();
    const organiser = await setUpOrganiser(server.url, (await server.setupUrl())!);
    const dashboard = await openWatchedPage(browser, `${server.url}/organiser`, {
      cookie: organiser.cookie,
    });
    const page = dashboard.page;
    const makeLink = async (note: string): Promise<string> => {
      await page.getByLabel('Note (optional)').fill(note);
      await page.getByRole('button', { name: 'Create organiser invitation link' }).click();
      // The links made on this visit stay listed, newest first.
      const field = page.getByLabel('Organiser invitation link').first();
      await expect.poll(() => field.inputValue(), POLL).toContain('/invitation#');
      await expect.poll(() => page.getByTestId('links-table').innerText(), POLL).toContain(note);
      return onServer(server, await field.inputValue());
    };
    const declined = await makeLink('For Dee');
    const accepted = await makeLink('For Ade');

    const dee = await openWatchedPage(browser, declined);
    await expect
      .poll(() => headingOf(dee.page).textContent(), POLL)
      .toContain('Become a Setboard organiser');
    await dee.page.getByRole('button', { name: 'Decline invitation' }).click();
    // Declining cannot be undone, so it asks first.
    await dee.page.getByRole('button', { name: 'Yes, decline the invitation' }).click();
    await expect
      .poll(() => headingOf(dee.page).textContent(), POLL)
      .toBe('You have declined the invitation');
    expect(dee.page.url()).not.toContain(tokenOf(declined));

    const ade = await openWatchedPage(browser, accepted);
    await fillProfile(ade.page, 'Ade Organiser', 'South Academy');
    await ade.page.getByRole('button', { name: 'Accept invitation' }).click();
    await expect.poll(() => pathOf(ade.page), POLL).toBe('/organiser');
    expect(ade.page.url()).not.toContain('#');
    // After a navigation the new page's heading has focus, for screen readers.
    await expect
      .poll(() => ade.page.evaluate(() => document.activeElement?.textContent), POLL)
      .toBe('Organiser dashboard');

    await page.reload();
    const links = page.getByTestId('links-table');
    await expect.poll(() => links.innerText(), POLL).toContain('Declined');
    expect(await links.innerText()).toContain('Used');
    await expectNoProblems(dashboard, dee, ade);
  });

  it('the signed-out home page, a missing page and every organiser page reflow at 320px', async () => {
    const { server, browser } = await freshServer();
    const narrow = { width: 320, height: 640 };
    const visitor = await openWatchedPage(browser, server.url, { viewport: narrow });
    await expect.poll(() => headingOf(visitor.page).textContent(), POLL).toBe('Setboard');
    expect(await visitor.page.getByTestId('setup-pending').innerText()).toContain('set-up link');
    expect(await sidewaysOverflow(visitor.page)).toBeLessThanOrEqual(0);

    const organiser = await setUpOrganiser(server.url, (await server.setupUrl())!);
    const set = await createSet(server.url, organiser);
    await invite(server.url, organiser, set.id);
    const pages = [
      { path: '/', heading: 'My sets' },
      { path: '/organiser', heading: 'Organiser dashboard' },
      { path: '/organiser/sets/new', heading: 'Create a set' },
      { path: `/sets/${set.id}`, heading: set.name },
      { path: '/no/such/page', heading: 'Page not found' },
    ];
    for (const { path, heading } of pages) {
      const watched = await openWatchedPage(browser, `${server.url}${path}`, {
        cookie: organiser.cookie,
        viewport: narrow,
      });
      await expect.poll(() => headingOf(watched.page).textContent(), POLL).toContain(heading);
      await expect.poll(() => watched.page.getByTestId('loading').count(), POLL).toBe(0);
      expect(await sidewaysOverflow(watched.page), path).toBeLessThanOrEqual(0);
      await expectNoProblems(watched);
    }
  }, 120_000);
});

function acceptAs(server: TestServer, url: string, name: string): Promise<TestPerson> {
  return acceptInvitation(server.url, url, name, { organisation: `${name}'s Trust` });
}

/** Revokes the set's one pending link. */
async function revoke(server: TestServer, by: TestPerson, setId: string, url: string) {
  const links = await expectOk<{ links: Array<{ id: string; status: string }> }>(
    server.url,
    'GET',
    `/api/sets/${setId}/links`,
    { as: by },
  );
  const pending = links.body.links.filter((link) => link.status === 'pending');
  if (pending.length !== 1) throw new Error(`expected one pending link, found ${pending.length}`);
  const reply = await callApi(
    server.url,
    'POST',
    `/api/sets/${setId}/links/${pending[0]!.id}/revoke`,
    {
      as: by,
    },
  );
  if (reply.status !== 200) throw new Error(`revoking ${url} answered ${reply.status}`);
}

async function signInLinkFor(
  server: TestServer,
  by: TestPerson,
  setId: string,
  person: TestPerson,
): Promise<string> {
  const reply = await expectOk<{ url: string }>(
    server.url,
    'POST',
    `/api/sets/${setId}/sign-in-links`,
    {
      as: by,
      body: { personId: person.personId },
    },
  );
  return reply.body.url;
}

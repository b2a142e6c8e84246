/**
 * Getting in, in Chromium (docs/security.md): a new member keeps the recovery code shown once;
 * a facilitator's sign-in link used in another browser context opens the set but says "Prove it
 * is you", and the member's own page names the facilitator; the recovery code opens the account;
 * "E-mail me a sign-in link" is offered only where mail is set up, and its mailed link signs in;
 * signing out with no way back warns first. axe on each new page, at 1280 and 320 pixels.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CreatedLink, SessionView } from '@setboard/shared';
import { createSmtpMailer } from '../../server/src/mail/smtp-mailer.js';
import {
  createSet,
  expectOk,
  invite,
  profile,
  setUpOrganiser,
  tokenOf,
  type TestPerson,
} from '../support/actors.js';
import { closeWhenTestEnds } from '../support/cleanup.js';
import { chromiumForSuite } from '../support/services.js';
import { startSmtpInbox } from '../support/smtp-inbox.js';
import { startTestServer } from '../support/test-server.js';
import {
  axeViolations,
  launchChromium,
  openWatchedPage,
  POLL,
  sidewaysOverflow,
} from './browser.js';

const chromium = chromiumForSuite('Getting in end-to-end');

async function expectAccessible(page: Page, label: string) {
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await axeViolations(page), `${label} at ${width}`).toEqual([]);
    expect(await sidewaysOverflow(page), `${label} at ${width}`).toBe(0);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

describe.skipIf(!chromium.available)('Getting in end-to-end', () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('[AT-GI7] a facilitator’s link in another context opens the set but asks for proof; the member is told; the recovery code opens the account', async () => {
    const server = await startTestServer({ clientDistDir: inject('clientDistDir') });
    const organiser = await setUpOrganiser(server.url, (await server.setupUrl())!);
    const set = await createSet(server.url, organiser);
    const joined = await expectOk<{ session: SessionView }>(
      server.url,
      'POST',
      '/api/links/redeem',
      {
        body: {
          token: tokenOf(await invite(server.url, organiser, set.id, 'facilitator')),
          decision: 'accept',
          profile: profile('Fran Facilitator'),
        },
      },
    );
    const facilitator: TestPerson = {
      personId: joined.body.session.person!.id,
      name: 'Fran Facilitator',
      cookie: joined.setCookie!.split(';')[0]!,
    };

    // The member accepts in the browser and is shown their recovery code once.
    const member = await openWatchedPage(
      browser!,
      `${server.url}/invitation#${tokenOf(await invite(server.url, organiser, set.id))}`,
    );
    await expect.poll(() => heading(member.page).textContent(), POLL).toContain('Join');
    await member.page.getByLabel('Full name').fill('Mo Member');
    await member.page.getByLabel('Organisation').fill('Leeds Teaching Hospitals');
    await member.page.getByLabel('Job title').fill('Head of Estates');
    await member.page.getByLabel('Band 8b').check();
    await member.page.getByRole('button', { name: 'Accept invitation' }).click();
    const codeText = member.page.getByTestId('recovery-code-value');
    await expect.poll(() => codeText.textContent(), POLL).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
    const recoveryCode = (await codeText.textContent())!;
    await expectAccessible(member.page, 'recovery code');
    await member.page.screenshot({ path: '/tmp/auth-recovery-code.png' });
    await member.page.getByRole('button', { name: 'I have kept it' }).click();
    await expect.poll(() => member.page.getByTestId('recovery-code').count(), POLL).toBe(0);
    const memberId = (
      await expectOk<SessionView>(server.url, 'GET', '/api/session', {
        as: { personId: '', name: '', cookie: await cookieOf(member.page) },
      })
    ).body.person!.id;

    // The facilitator issues a sign-in link for the member and opens it in their own context.
    const link = await expectOk<CreatedLink>(
      server.url,
      'POST',
      `/api/sets/${set.id}/sign-in-links`,
      { as: facilitator, body: { personId: memberId } },
    );
    const impostor = await openWatchedPage(
      browser!,
      `${server.url}/sign-in#${tokenOf(link.body.url)}`,
    );
    await expect.poll(() => heading(impostor.page).textContent(), POLL).toBe('My sets');
    await impostor.page.goto(`${server.url}/account`);
    await expect.poll(() => heading(impostor.page).textContent(), POLL).toBe('Your account');
    await expect
      .poll(() => impostor.page.getByRole('heading', { name: 'Prove it is you' }).count(), POLL)
      .toBe(1);
    await expectAccessible(impostor.page, 'account, not yet proven');
    await impostor.page.screenshot({ path: '/tmp/auth-prove.png', fullPage: true });

    // The member, on their own device, sees who issued it.
    await member.page.goto(`${server.url}/`);
    await expect
      .poll(() => member.page.getByTestId('sign-in-notices').innerText(), POLL)
      .toContain('Fran Facilitator');
    await expectAccessible(member.page, 'sign-in notice');

    // The recovery code proves it; the section goes.
    await impostor.page.getByRole('textbox', { name: 'Recovery code' }).fill(recoveryCode);
    await impostor.page.getByRole('button', { name: 'Continue' }).click();
    await expect
      .poll(() => impostor.page.getByRole('heading', { name: 'Prove it is you' }).count(), POLL)
      .toBe(0);
  }, 180_000);

  it('[AT-GI2] with mail set up, "E-mail me a sign-in link" sends a link that signs in; without it no page offers e-mail and signing out warns', async () => {
    const inbox = await startSmtpInbox();
    closeWhenTestEnds(() => inbox.close());
    const mailer = createSmtpMailer({ url: inbox.url, from: 'setboard@example.nhs.uk' });
    closeWhenTestEnds(() => mailer.close());
    const withMail = await startTestServer({ clientDistDir: inject('clientDistDir'), mailer });
    const organiser = await setUpOrganiser(withMail.url, (await withMail.setupUrl())!);
    await expectOk(withMail.url, 'POST', '/api/account/email', {
      as: organiser,
      body: { email: 'olu@example.nhs.uk' },
    });

    const visitor = await openWatchedPage(browser!, `${withMail.url}/sign-in`);
    await expect.poll(() => heading(visitor.page).textContent(), POLL).toBe('Sign in');
    await expectAccessible(visitor.page, 'sign-in options');
    await visitor.page.getByLabel('Your e-mail address').fill('olu@example.nhs.uk');
    await visitor.page.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
    await expect.poll(() => visitor.page.getByTestId('email-sent').count(), POLL).toBe(1);
    await expect.poll(() => inbox.to('olu@example.nhs.uk').length, POLL).toBe(1);
    const mailed = /https?:\/\/\S+\/sign-in#[\w-]{43}/.exec(
      inbox.to('olu@example.nhs.uk')[0]!.text,
    )![0];
    // Opened from the mail client: a new page.
    const fromMail = await openWatchedPage(
      browser!,
      `${withMail.url}/sign-in${new URL(mailed).hash}`,
    );
    await expect
      .poll(() => fromMail.page.getByTestId('signed-in-as').innerText(), POLL)
      .toContain('Olu Organiser');

    // Without mail: the sign-in page offers no e-mail, and signing out warns first.
    const plain = await startTestServer({ clientDistDir: inject('clientDistDir') });
    const first = await setUpOrganiser(plain.url, (await plain.setupUrl())!);
    const anonymous = await openWatchedPage(browser!, `${plain.url}/sign-in`);
    await expect.poll(() => heading(anonymous.page).textContent(), POLL).toBe('Sign in');
    expect(await anonymous.page.getByText(/e-mail/i).count()).toBe(0);
    const signedIn = await openWatchedPage(browser!, `${plain.url}/`, { cookie: first.cookie });
    await signedIn.page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => heading(signedIn.page).textContent(), POLL).toBe('Before you sign out');
    expect(await signedIn.page.getByText(/e-mail/i).count()).toBe(0);
    await expectAccessible(signedIn.page, 'sign-out warning');
    await signedIn.page.screenshot({ path: '/tmp/auth-sign-out.png', fullPage: true });
  }, 180_000);
});

async function cookieOf(page: Page): Promise<string> {
  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name === 'setboard_session');
  return `${session!.name}=${session!.value}`;
}

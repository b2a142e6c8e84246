/**
 * Passkeys in Chromium, with Chrome's own virtual authenticator (CDP `WebAuthn`): a member adds
 * one when offered right after accepting, signs out, and signs in again from the home page with
 * nothing typed; another browser without the passkey cannot. Under "Your account" the passkey is
 * renamed, the last way back in cannot be removed, and with a second passkey the first can.
 * axe and sideways overflow on each new screen at 1280 and 320 pixels.
 *
 * WebAuthn needs a real domain as its relying party, so the pages are opened at `localhost`.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { SessionView } from '@setboard/shared';
import { createSet, invite, setUpOrganiser, tokenOf } from '../support/actors.js';
import { chromiumForSuite } from '../support/services.js';
import { startTestServer } from '../support/test-server.js';
import {
  axeViolations,
  launchChromium,
  openWatchedPage,
  POLL,
  sidewaysOverflow,
} from './browser.js';

const chromium = chromiumForSuite('Passkeys end-to-end');

/** Checks the page at 1280 and 320 pixels and keeps a screenshot of each for reading. */
async function expectAccessible(page: Page, label: string) {
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await axeViolations(page), `${label} at ${width}`).toEqual([]);
    expect(await sidewaysOverflow(page), `${label} at ${width}`).toBe(0);
    await page.screenshot({ path: `/tmp/passkeys-${label}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Chrome's virtual authenticator: a platform passkey store that always confirms it is you. */
async function addVirtualAuthenticator(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    credentialCount: async () =>
      (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials.length,
    remove: () => cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId }),
  };
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

describe.skipIf(!chromium.available)('Passkeys end-to-end', () => {
  it('[AT-GI1] a member adds a passkey right after accepting, signs out and signs in again with it from the home page; a browser without it cannot; it is renamed and removed under "Your account", never the last way back in', async () => {
    const server = await startTestServer({ clientDistDir: inject('clientDistDir') });
    const site = server.url.replace('127.0.0.1', 'localhost');
    const organiser = await setUpOrganiser(server.url, (await server.setupUrl())!);
    const set = await createSet(server.url, organiser);
    const browser = await launchChromium();
    try {
      // The member accepts in the browser; after the recovery code, a passkey is offered.
      const member = await openWatchedPage(browser, `${site}/`);
      const laptop = await addVirtualAuthenticator(member.context, member.page);
      await member.page.goto(
        `${site}/invitation#${tokenOf(await invite(server.url, organiser, set.id))}`,
      );
      const page = member.page;
      await expect.poll(() => heading(page).textContent(), POLL).toContain('Join');
      await page.getByLabel('Full name').fill('Mo Member');
      await page.getByLabel('Organisation').fill('Leeds Teaching Hospitals');
      await page.getByLabel('Job title').fill('Head of Estates');
      await page.getByLabel('Band 8b').check();
      await page.getByRole('button', { name: 'Accept invitation' }).click();
      await page.getByRole('button', { name: 'I have kept it' }).click();
      const offer = page.getByTestId('passkey-offer');
      await expect.poll(() => offer.count(), POLL).toBe(1);
      await expectAccessible(page, 'offer');
      await offer.getByRole('button', { name: 'Add a passkey' }).click();
      await expect.poll(() => offer.getByRole('status').textContent(), POLL).toContain('added');
      expect(await laptop.credentialCount()).toBe(1);
      await expectAccessible(page, 'offer-done');
      await offer.getByRole('button', { name: 'Done' }).click();
      await expect.poll(() => offer.count(), POLL).toBe(0);

      // Signing out needs no warning now; the home page offers the passkey.
      await page.getByRole('button', { name: 'Sign out' }).click();
      const signIn = page.getByRole('button', { name: 'Sign in with a passkey' });
      await expect.poll(() => signIn.count(), POLL).toBe(1);
      await expectAccessible(page, 'home');
      await signIn.click();
      await expect.poll(() => heading(page).textContent(), POLL).toBe('My sets');
      const session = await page.evaluate(() =>
        fetch('/api/session').then((reply) => reply.json() as Promise<SessionView>),
      );
      expect(session.person?.name).toBe('Mo Member');
      expect(session.account?.strongSignIn).toBe(true);

      // Another browser, whose authenticator holds no passkey for Setboard, cannot.
      const stranger = await openWatchedPage(browser, `${site}/`);
      await addVirtualAuthenticator(stranger.context, stranger.page);
      await stranger.page.getByRole('button', { name: 'Sign in with a passkey' }).click();
      await expect
        .poll(() => stranger.page.getByRole('alert').textContent(), POLL)
        .toContain('No passkey was used');
      expect(await heading(stranger.page).textContent()).not.toBe('My sets');
      await expectAccessible(stranger.page, 'home-refused');
      // The sign-in page offers it too, first among the ways in.
      await stranger.page.goto(`${site}/sign-in`);
      await expect
        .poll(() => stranger.page.getByRole('heading', { name: 'With a passkey' }).count(), POLL)
        .toBe(1);
      await expectAccessible(stranger.page, 'sign-in');

      // "Your account": rename it; removing the only one is refused with the reason.
      await page.goto(`${site}/account`);
      const passkeys = page.getByTestId('passkeys');
      await expect.poll(() => passkeys.getByTestId('passkey').count(), POLL).toBe(1);
      await passkeys.getByRole('button', { name: /^Rename/ }).click();
      await passkeys.getByLabel('New name').fill('Work laptop');
      await passkeys.getByRole('button', { name: 'Save name' }).click();
      await expect
        .poll(() => passkeys.getByTestId('passkey-list').textContent(), POLL)
        .toContain('Work laptop');
      await passkeys.getByRole('button', { name: 'Remove Work laptop' }).click();
      await expect
        .poll(() => passkeys.getByRole('alert').textContent(), POLL)
        .toContain('only way back in by yourself');
      expect(await passkeys.getByTestId('passkey').count()).toBe(1);
      await expectAccessible(page, 'account');

      // A passkey on another device (here: a second authenticator) lets the first go.
      await laptop.remove();
      const phone = await addVirtualAuthenticator(member.context, page);
      await passkeys.getByLabel('Name for a new passkey').fill('My phone');
      await passkeys.getByRole('button', { name: 'Add a passkey on this device' }).click();
      await expect.poll(() => passkeys.getByTestId('passkey').count(), POLL).toBe(2);
      expect(await phone.credentialCount()).toBe(1);
      await passkeys.getByRole('button', { name: 'Remove Work laptop' }).click();
      await expect
        .poll(() => passkeys.getByTestId('passkey-list').textContent(), POLL)
        .not.toContain('Work laptop');
      await passkeys.getByRole('button', { name: 'Remove My phone' }).click();
      await expect
        .poll(() => passkeys.getByRole('alert').textContent(), POLL)
        .toContain('only way back in by yourself');
      await expectAccessible(page, 'account-after');
    } finally {
      await browser.close();
      await server.close();
    }
  }, 180_000);
});

/**
 * The record's page in Chromium: "Your record and your data" has no axe violations at 1280 and
 * 320 CSS pixels and does not scroll sideways; the CPD record's print page runs under the strict
 * CSP with its A4 style sheet; erasing the account needs the box ticked, then signs out and the
 * old session no longer works.
 */
import { describe, expect, it } from 'vitest';
import { callApi, type TestPerson } from '../support/actors.js';
import { chromiumForSuite } from '../support/services.js';
import { axeViolations, expectNoProblems, POLL, sidewaysOverflow } from './browser.js';
import { browserSuite } from './browser-suite.js';

const chromium = chromiumForSuite('The record end-to-end');

describe.skipIf(!chromium.available)('The record end-to-end', () => {
  const suite = browserSuite();

  it('[AT-RX3] axe finds no violations on Your record and your data at 1280 and 320 CSS pixels; the CPD print page is styled for A4', async () => {
    const people = await suite.newSet(1);
    const [pat] = people.members as [TestPerson];
    for (const width of [1280, 320]) {
      const watched = await suite.open('/my-data', pat, { viewport: { width, height: 900 } });
      await expect.poll(() => watched.page.getByTestId('my-data-zip').count(), POLL).toBe(1);
      expect(await axeViolations(watched.page), `at ${width}px`).toEqual([]);
      if (width === 320) expect(await sidewaysOverflow(watched.page)).toBeLessThanOrEqual(0);
      await watched.page.screenshot({ path: `/tmp/record-my-data-${width}.png`, fullPage: true });
      // The zip is there behind the link, for this person.
      const zip = await watched.page.evaluate(async () => {
        const response = await fetch('/api/my/data');
        return { status: response.status, type: response.headers.get('content-type') };
      });
      expect(zip).toEqual({ status: 200, type: 'application/zip' });
      await expectNoProblems(watched);
      await watched.context.close();
    }
    // The facilitator's set page: cycle report links and the retention setting.
    for (const width of [1280, 320]) {
      const setPage = await suite.open(`/sets/${people.set.id}`, people.facilitator, {
        viewport: { width, height: 900 },
      });
      await expect.poll(() => setPage.page.getByTestId('privacy-settings').count(), POLL).toBe(1);
      await expect.poll(() => setPage.page.getByTestId('cycle-report').count(), POLL).toBe(1);
      expect(await axeViolations(setPage.page), `set page at ${width}px`).toEqual([]);
      if (width === 320) expect(await sidewaysOverflow(setPage.page)).toBeLessThanOrEqual(0);
      if (width === 1280) {
        await setPage.page.getByLabel('Months to keep').fill('600');
        await setPage.page.getByRole('button', { name: 'Save' }).click();
        await expect
          .poll(() => setPage.page.locator('#privacy-error').textContent(), POLL)
          .toContain('at most 72 months');
        await setPage.page.getByLabel('Months to keep').fill('24');
        await setPage.page.getByLabel('Keep it, without their name').check();
        await setPage.page.getByRole('button', { name: 'Save' }).click();
        await expect
          .poll(() => setPage.page.getByTestId('privacy-saved').textContent(), POLL)
          .toBe('Saved.');
        await setPage.page.screenshot({ path: '/tmp/record-set-privacy.png', fullPage: true });
      }
      await expectNoProblems(setPage);
      await setPage.context.close();
    }
    const stored = await callApi<{ retentionMonths: number; formerMemberWords: string }>(
      suite.server.url,
      'GET',
      `/api/sets/${people.set.id}/privacy`,
      { as: people.facilitator },
    );
    expect(stored.body).toMatchObject({ retentionMonths: 24, formerMemberWords: 'keep' });
    const print = await suite.open('/api/my/cpd-record.html', pat);
    await expect.poll(() => print.page.locator('h1').textContent(), POLL).toContain('CPD record');
    expect(await print.page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain(
      'Arial',
    );
    await print.page.screenshot({ path: '/tmp/record-cpd-print.png', fullPage: true });
    await expectNoProblems(print);
    await print.context.close();
  }, 120_000);

  it('[AT-RX1] erasing the account from the page needs the box ticked, then signs out everywhere', async () => {
    const people = await suite.newSet(1);
    const [pat] = people.members as [TestPerson];
    const watched = await suite.open('/my-data', pat);
    const { page } = watched;
    await page.getByRole('button', { name: 'Erase my account' }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), POLL).toContain('Tick the box');
    expect(
      (await callApi<{ person: unknown }>(suite.server.url, 'GET', '/api/session', { as: pat }))
        .body.person,
    ).not.toBeNull();
    await page.getByLabel('I understand my account').check();
    await page.getByRole('button', { name: 'Erase my account' }).click();
    await expect.poll(() => page.url(), POLL).toBe(`${suite.server.url}/`);
    await expect.poll(() => page.getByTestId('signed-in-as').count(), POLL).toBe(0);
    expect(
      (await callApi<{ person: unknown }>(suite.server.url, 'GET', '/api/session', { as: pat }))
        .body.person,
    ).toBeNull();
    await expectNoProblems(watched);
    await watched.context.close();
  }, 120_000);
});

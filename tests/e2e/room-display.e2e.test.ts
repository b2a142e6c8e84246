/**
 * [AT-LM4] The room display, end to end in Chromium: the facilitator makes a display link in the
 * room; a screen with no session pairs with it once, follows the meeting live in large type with
 * no controls and nothing private, and stops showing the meeting once the link is stopped. axe
 * finds nothing on it at 1280 and 320 CSS pixels ([AT-LM6]).
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestPerson } from '../support/actors.js';
import { chromiumForSuite } from '../support/services.js';
import {
  axeViolations,
  expectNoProblems,
  openWatchedPage,
  POLL,
  sidewaysOverflow,
} from './browser.js';
import { browserSuite } from './browser-suite.js';

const chromium = chromiumForSuite('The room display end-to-end');
const ISSUE = 'Our clinics overrun every Thursday.';

function button(page: Page, name: string): Locator {
  return page.getByRole('button', { name, exact: true });
}

describe.skipIf(!chromium.available)('The room display end-to-end', () => {
  const suite = browserSuite();

  it('[AT-LM4] [AT-LM6] paired by its link, the display follows the meeting live, shows no controls and nothing private, and stops once revoked', async () => {
    const people = await suite.newSet(2, { quorum: 2, timeAllocation: 'bid' });
    const setId = people.set.id;
    const [pat, mo] = people.members as [TestPerson, TestPerson];
    const room = (person: TestPerson) =>
      suite.open(`/sets/${setId}/meetings/0`, person, { viewport: { width: 1280, height: 900 } });
    const fran = await room(people.facilitator);
    await button(fran.page, 'Open the meeting room').click();
    await button(fran.page, 'Open the lobby').click();
    await button(fran.page, 'Join the meeting').click();
    const patRoom = await room(pat);
    const moRoom = await room(mo);
    await button(patRoom.page, 'Join the meeting').click();
    await button(moRoom.page, 'Join the meeting').click();

    // The facilitator makes the link in the room.
    await button(fran.page, 'Make a display link').click();
    const url = await fran.page.getByTestId('display-link-url').innerText();
    expect(url).toMatch(/\/display#[A-Za-z0-9_-]{43}$/);

    // A screen with nobody signed in pairs with it, and the token leaves the address bar.
    const screen = await openWatchedPage(suite.browser, url, {
      viewport: { width: 1280, height: 900 },
    });
    const stage = screen.page.getByTestId('display-stage');
    await expect.poll(() => stage.textContent(), POLL).toBe('Lobby');
    expect(new URL(screen.page.url()).hash).toBe('');

    // Single use: a second screen with the same link is refused.
    const second = await openWatchedPage(suite.browser, url);
    await expect
      .poll(() => second.page.locator('main').innerText(), POLL)
      .toContain('already been used');

    // It follows the meeting live: the start, the stages, the presenter's issue and the floor.
    await button(fran.page, 'Start the meeting').click();
    await expect.poll(() => stage.textContent(), POLL).toBe('Opening');
    const stageNow = fran.page.getByTestId('current-stage');
    while ((await stageNow.textContent()) !== 'Bidding for airtime') {
      const moveOn = button(fran.page, 'Move on');
      await moveOn.click();
      // The stage is read again only once this move is answered (the button is idle again):
      // read sooner, it is the old one, and the next click would move on past bidding.
      await expect.poll(() => moveOn.getAttribute('aria-disabled'), POLL).toBeNull();
    }
    await patRoom.page.getByLabel('Your issue in one line').fill('Clinics overrun');
    await patRoom.page.getByLabel('Minutes you would like').fill('40');
    await button(patRoom.page, 'Place your bid').click();
    await expect
      .poll(() => fran.page.getByTestId('agenda').innerText(), POLL)
      .toContain('Clinics overrun');
    await button(fran.page, 'Move on').click();
    await button(fran.page, 'Move on').click();
    await expect.poll(() => stage.textContent(), POLL).toBe('Presenter slot: Presenting');
    const issue = patRoom.page.getByRole('textbox', { name: 'Issue statement', exact: true });
    await issue.click();
    await patRoom.page.keyboard.type(ISSUE);
    await expect
      .poll(() => screen.page.getByTestId('display-issue').textContent(), POLL)
      .toBe(ISSUE);
    await button(patRoom.page, 'I have finished presenting').click();
    await button(moRoom.page, 'Raise your hand').click();
    await expect
      .poll(() => screen.page.getByTestId('display-floor').textContent(), POLL)
      .toBe('Has the floor: Member 2');
    await expect.poll(() => screen.page.getByTestId('display-countdown').count(), POLL).toBe(1);

    // No controls, no way elsewhere, nothing private.
    for (const selector of ['a', 'button', 'input', 'textarea', 'select', '[contenteditable]'])
      expect(await screen.page.locator(selector).count(), selector).toBe(0);
    const text = await screen.page.locator('body').innerText();
    for (const privateWord of ['learning log', 'Your objectives', 'objectives'])
      expect(text.toLowerCase()).not.toContain(privateWord.toLowerCase());

    for (const width of [1280, 320]) {
      await screen.page.setViewportSize({ width, height: 900 });
      expect(await axeViolations(screen.page), `display at ${width}px`).toEqual([]);
      if (width === 320) expect(await sidewaysOverflow(screen.page)).toBeLessThanOrEqual(0);
    }

    // Stopped: the screen shows the meeting no more.
    await button(fran.page, 'Stop the display').click();
    await expect
      .poll(() => screen.page.getByTestId('display-unpaired').textContent(), POLL)
      .toBe('The facilitator has stopped this display.');
    expect(await screen.page.getByTestId('display-stage').count()).toBe(0);
    await expectNoProblems(fran, patRoom, moRoom);
  }, 300_000);
});

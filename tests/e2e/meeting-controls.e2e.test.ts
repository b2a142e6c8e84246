/**
 * The meeting room's controls, end to end (issue 4): bidding, the facilitator's order of slots,
 * deferral, a break, handing facilitation over, the process review's airtime chart, the reasons
 * beside unavailable controls, and strict timing moving a round on by itself. The built client
 * runs under the server's real CSP in real Chromium; the server's clock is a `ManualClock`, so
 * airtime and deadlines are exact and the test moves time on only when it says so.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SetSettings } from '@setboard/shared';
import type { TestPerson } from '../support/actors.js';
import { ManualClock } from '../support/manual-clock.js';
import { FIRST_MEETING_STARTS_AT, MINUTE_MS } from '../support/meeting-set.js';
import { chromiumForSuite } from '../support/services.js';
import { sidewaysOverflow, type WatchedPage, expectNoProblems, POLL } from './browser.js';
import { browserSuite } from './browser-suite.js';

const chromium = chromiumForSuite('Meeting controls end-to-end');

declare global {
  interface Window {
    /** Set by the test on a page, to show later that the page was never reloaded. */
    __waitedWithoutReload?: boolean;
  }
}

function button(page: Page, name: string): Locator {
  return page.getByRole('button', { name, exact: true });
}

function textOf(page: Page, testId: string): Promise<string> {
  return page.getByTestId(testId).innerText();
}

/** The text of whatever `aria-describedby` points at: the reason a control is unavailable. */
function descriptionOf(control: Locator): Promise<string | null> {
  return control.evaluate((element) => {
    const ids = element.getAttribute('aria-describedby');
    if (!ids) return null;
    return ids
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
  });
}

/** The presenters of the listed slots, in order, as one page shows them. */
async function slotOrderOf(page: Page): Promise<string[]> {
  const presenters = await page
    .getByTestId('slot-plan')
    .locator('.app-slots__presenter strong:first-child')
    .allInnerTexts();
  return presenters.map((name) => name.replace(' (you)', ''));
}

/** The countdown a page shows, in seconds ("02:00" → 120). */
async function secondsShown(page: Page): Promise<number> {
  const match = /^(\d{2}):(\d{2})$/.exec(await textOf(page, 'countdown'));
  if (!match) throw new Error('not a mm:ss countdown');
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The accessible name of the focused element. */
function focusedText(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.textContent ?? null);
}

describe.skipIf(!chromium.available)('Meeting controls end-to-end', () => {
  const clock = new ManualClock(FIRST_MEETING_STARTS_AT - 15 * MINUTE_MS);
  const suite = browserSuite({ clock });
  const setReadyToMeet = (memberCount: number, settings: Partial<SetSettings>) =>
    suite.newSet(memberCount, settings);
  const open = (path: string, person: TestPerson) => suite.open(path, person);

  /** The facilitator moves on; resolves once their page shows `stage`. */
  async function moveOn(page: Page, stage: string): Promise<void> {
    await button(page, 'Move on').click();
    await expect.poll(() => textOf(page, 'current-stage'), POLL).toBe(stage);
  }

  /**
   * The facilitator opens the room and joins in the lobby, which they open early or, once the
   * clock has passed its time, the clock has opened already.
   */
  async function gatherInLobby(setId: string, people: { facilitator: TestPerson }) {
    const room = `/sets/${setId}/meetings/0`;
    const fran = await open(room, people.facilitator);
    await button(fran.page, 'Open the meeting room').click();
    if (clock.now() < FIRST_MEETING_STARTS_AT - 10 * MINUTE_MS) {
      await button(fran.page, 'Open the lobby').click();
    }
    await expect.poll(() => textOf(fran.page, 'current-stage'), POLL).toBe('Lobby');
    await button(fran.page, 'Join the meeting').click();
    return { fran, room };
  }

  async function bid(page: Page, synopsis: string, minutes: string): Promise<void> {
    await page.getByLabel('Your issue in one line').fill(synopsis);
    await page.getByLabel('Minutes you would like').fill(minutes);
    await button(page, 'Place your bid').click();
  }

  it('[AT-C6] members bid → the facilitator reorders and defers slots, calls a break and hands over → the process review charts everyone’s airtime; unavailable controls say why', async () => {
    const people = await setReadyToMeet(3, {
      quorum: 3,
      timeAllocation: 'bid',
    });
    const setId = people.set.id;
    // Member 1 arrives before the room is open, and waits on that page.
    const early = await open(`/sets/${setId}/meetings/0`, people.members[0]!);
    await expect.poll(() => textOf(early.page, 'room-not-open'), POLL).toContain('not opened');
    await early.page.evaluate(() => {
      window.__waitedWithoutReload = true;
    });
    const { fran, room } = await gatherInLobby(setId, people);
    // The facilitator's opening lets them in, without reloading the page (M10).
    await expect.poll(() => textOf(early.page, 'current-stage'), POLL).toBe('Lobby');
    expect(await early.page.evaluate(() => window.__waitedWithoutReload)).toBe(true);

    // Start is unavailable, and says why, until the quorum of three members is here.
    const start = button(fran.page, 'Start the meeting');
    expect(await start.isDisabled()).toBe(true);
    await expect
      .poll(() => descriptionOf(start), POLL)
      .toBe('Start needs 3 members present (the set’s quorum); 0 are here.');
    const members: WatchedPage[] = [];
    for (const person of people.members) {
      const watched = members.length === 0 ? early : await open(room, person);
      await button(watched.page, 'Join the meeting').click();
      members.push(watched);
      if (members.length === 2) {
        await expect
          .poll(() => descriptionOf(start), POLL)
          .toBe('Start needs 3 members present (the set’s quorum); 2 are here.');
        // It stays in the tab order, so keyboard users find it and its reason.
        await start.focus();
        await fran.page.keyboard.press('Enter');
        expect(await textOf(fran.page, 'current-stage')).toBe('Lobby');
      }
    }
    const [m1, m2, m3] = members as [WatchedPage, WatchedPage, WatchedPage];
    const everyone = [fran, m1, m2, m3];
    await expect.poll(() => start.isEnabled(), POLL).toBe(true);
    expect(await descriptionOf(start)).toBeNull();

    // Opening, contracting, then the expectations round: 3, 2 and 1 minutes of the clock.
    await start.click();
    await expect.poll(() => textOf(fran.page, 'current-stage'), POLL).toBe('Opening');
    await moveOn(fran.page, 'Agreeing our ground rules');
    await moveOn(fran.page, 'Expectations round');
    for (const [index, minutes] of [3, 2, 1].entries()) {
      await expect.poll(() => textOf(fran.page, 'turn-holder'), POLL).toBe(`Member ${index + 1}`);
      clock.advanceBy(minutes * MINUTE_MS);
      await button(fran.page, 'Move on').click();
    }
    await expect.poll(() => textOf(fran.page, 'current-stage'), POLL).toBe('Objectives');
    await moveOn(fran.page, 'Bidding for airtime');

    // Each member bids; the form checks the minutes first.
    await m1.page.getByLabel('Your issue in one line').fill('Winter rota pressures');
    await m1.page.getByLabel('Minutes you would like').fill('3');
    await button(m1.page, 'Place your bid').click();
    await expect
      .poll(() => m1.page.getByTestId('bid-form').innerText(), POLL)
      .toContain('Enter the minutes you want as a whole number from 5 to 90');
    const bids: [WatchedPage, string, string][] = [
      [m1, 'Winter rota pressures', '30'],
      [m2, 'A staff survey nobody answers', '20'],
      [m3, 'Moving to a new HR system', '25'],
    ];
    for (const [index, [member, synopsis, minutes]] of bids.entries()) {
      await bid(member.page, synopsis, minutes);
      await expect.poll(async () => (await slotOrderOf(fran.page)).length, POLL).toBe(index + 1);
    }
    for (const watched of everyone) {
      await expect
        .poll(() => slotOrderOf(watched.page), POLL)
        .toEqual(['Member 1', 'Member 2', 'Member 3']);
      const plan = await textOf(watched.page, 'slot-plan');
      expect(plan).toContain('A staff survey nobody answers');
      expect(plan).toContain('25 minutes');
    }
    // Nothing scrolls sideways at 320 CSS pixels, form and plan included (WCAG 1.4.10).
    await m1.page.setViewportSize({ width: 320, height: 640 });
    expect(await sidewaysOverflow(m1.page)).toBeLessThanOrEqual(0);

    // The facilitator moves Member 3 up by keyboard; focus stays on the button pressed.
    await fran.page.setViewportSize({ width: 320, height: 640 });
    expect(await sidewaysOverflow(fran.page)).toBeLessThanOrEqual(0);
    const firstUp = button(fran.page, 'Move up (Member 1)');
    expect(await descriptionOf(firstUp)).toBe('This slot is first already.');
    await button(fran.page, 'Move up (Member 3)').focus();
    await fran.page.keyboard.press('Enter');
    for (const watched of everyone) {
      await expect
        .poll(() => slotOrderOf(watched.page), POLL)
        .toEqual(['Member 1', 'Member 3', 'Member 2']);
    }
    await expect.poll(() => focusedText(fran.page), POLL).toBe('Move up (Member 3)');
    await expect
      .poll(() => textOf(m2.page, 'announcer'), POLL)
      .toContain('New order of slots: Member 1, Member 3, Member 2 (you).');

    // Deferring asks first; the slot then moves to the next meeting's list, on every page.
    await button(fran.page, 'Defer to the next meeting (Member 2)').click();
    await expect.poll(() => focusedText(fran.page), POLL).toBe('Yes, defer it (Member 2)');
    await fran.page.keyboard.press('Enter');
    for (const watched of everyone) {
      await expect.poll(() => slotOrderOf(watched.page), POLL).toEqual(['Member 1', 'Member 3']);
      await expect.poll(() => textOf(watched.page, 'deferred-slots'), POLL).toContain('Member 2');
    }
    await expect
      .poll(() => textOf(m2.page, 'announcer'), POLL)
      .toContain('Your slot is deferred to the next meeting.');
    await fran.page.setViewportSize({ width: 1024, height: 768 });

    // Member 1 presents for three minutes of the clock; the facilitator runs the slot out.
    await moveOn(fran.page, 'Presenter slot: Contracting');
    await expect.poll(() => textOf(m2.page, 'presenter'), POLL).toBe('Member 1');
    await moveOn(fran.page, 'Presenter slot: Presenting');
    clock.advanceBy(3 * MINUTE_MS);
    await button(m1.page, 'I have finished presenting').click();
    await expect
      .poll(() => textOf(fran.page, 'current-stage'), POLL)
      .toBe('Presenter slot: Clarifying questions');
    for (const stage of [
      'Exploring with open questions',
      'Reflecting back',
      'Action planning',
      'Presenter feedback',
      'Complete',
    ]) {
      await moveOn(fran.page, `Presenter slot: ${stage}`);
    }

    // A ten-minute break, announced with its length.
    await fran.page.getByLabel('Break length in minutes').fill('10');
    await button(fran.page, 'Start a break').click();
    for (const watched of [m1, m2, m3]) {
      await expect.poll(() => textOf(watched.page, 'current-stage'), POLL).toBe('Break');
      await expect.poll(() => textOf(watched.page, 'announcer'), POLL).toBe('Break: 10 minutes.');
    }

    // Facilitation goes to Member 3, who presents next and so cannot move on into their own
    // slot (the room says so); the appointed facilitator takes it back.
    await fran.page.getByLabel('Hand facilitation to').selectOption({ label: 'Member 3' });
    await button(fran.page, 'Hand over facilitation').click();
    await expect.poll(() => textOf(m3.page, 'announcer'), POLL).toBe('You now facilitate.');
    await expect.poll(() => textOf(m1.page, 'facilitator'), POLL).toBe('Member 3');
    await expect
      .poll(() => descriptionOf(button(m3.page, 'Move on')), POLL)
      .toBe('You present next: hand facilitation to someone else first.');
    await button(fran.page, 'Take facilitation back').click();
    await expect.poll(() => textOf(fran.page, 'announcer'), POLL).toBe('You now facilitate.');
    await expect.poll(() => button(m3.page, 'Move on').count(), POLL).toBe(0);

    // Member 3's slot starts, and is deferred while under way: on to the process review.
    await moveOn(fran.page, 'Presenter slot: Contracting');
    await button(fran.page, 'Defer to the next meeting (Member 3)').click();
    await button(fran.page, 'Yes, defer it (Member 3)').click();

    // Every page charts everyone's airtime, in words and bars.
    for (const watched of everyone) {
      await expect.poll(() => textOf(watched.page, 'current-stage'), POLL).toBe('Process review');
      const rows = await watched.page.getByTestId('airtime-row').allInnerTexts();
      const flat = rows.map((row) => row.replace(/\s+/g, ' ').replace(' (you)', ''));
      expect(flat).toEqual([
        'Fran Facilitator 0 seconds, 0% of the time',
        'Member 1 6 minutes, 67% of the time',
        'Member 2 2 minutes, 22% of the time',
        'Member 3 1 minute, 11% of the time',
      ]);
      expect(await textOf(watched.page, 'airtime-caption')).toMatch(
        /^Time was not shared equally: an equal share would be 33% each of the 9 minutes/,
      );
    }
    // The bars' lengths come through the CSSOM, under a CSP without 'unsafe-inline'.
    const barWidths = await m2.page
      .locator('.app-airtime__bar')
      .evaluateAll((bars) =>
        bars.map((bar) =>
          Math.round((bar.clientWidth / (bar.parentElement?.clientWidth ?? 1)) * 100),
        ),
      );
    expect(barWidths).toEqual([0, 100, 33, 17]);
    await m2.page.setViewportSize({ width: 320, height: 640 });
    expect(await sidewaysOverflow(m2.page)).toBeLessThanOrEqual(0);

    await expectNoProblems(...everyone);
  }, 120_000);

  it('[AT-C6] under strict timing the clock announces two minutes left, then hands the round to the next member by itself', async () => {
    const people = await setReadyToMeet(2, {
      quorum: 2,
      timing: 'strict',
    });
    // It is time for the meeting: the clock opens the lobby as soon as the room is open.
    clock.advanceTo(Math.max(clock.now(), FIRST_MEETING_STARTS_AT));
    const { fran, room } = await gatherInLobby(people.set.id, people);
    const members: WatchedPage[] = [];
    for (const person of people.members) {
      const watched = await open(room, person);
      await button(watched.page, 'Join the meeting').click();
      members.push(watched);
    }
    const [m1, m2] = members as [WatchedPage, WatchedPage];
    await button(fran.page, 'Start the meeting').click();
    await expect.poll(() => textOf(fran.page, 'current-stage'), POLL).toBe('Opening');
    await moveOn(fran.page, 'Agreeing our ground rules');
    await moveOn(fran.page, 'Expectations round');
    // The clock stands still unless moved, so Member 1's five minutes end five minutes from now.
    const turnEndsAt = clock.now() + 5 * MINUTE_MS;
    for (const watched of [fran, m1, m2]) {
      await expect.poll(() => textOf(watched.page, 'turn-holder'), POLL).toContain('Member 1');
    }

    clock.advanceTo(turnEndsAt - 2 * MINUTE_MS);
    for (const watched of [fran, m1, m2]) {
      await expect.poll(() => textOf(watched.page, 'announcer'), POLL).toBe('2 minutes left.');
    }
    // The countdown agrees (it runs on in real time from the server's "now" in the broadcast).
    await expect.poll(() => secondsShown(m2.page), POLL).toBeLessThanOrEqual(120);

    clock.advanceTo(turnEndsAt);
    for (const watched of [fran, m1, m2]) {
      await expect.poll(() => textOf(watched.page, 'turn-holder'), POLL).toContain('Member 2');
    }
    await expect
      .poll(() => textOf(m2.page, 'announcer'), POLL)
      .toBe('Now: Expectations round. It is your turn.');
    await expect
      .poll(() => textOf(m1.page, 'announcer'), POLL)
      .toBe('Now: Expectations round. Member 2’s turn.');

    await expectNoProblems(fran, m1, m2);
  });
});

/**
 * The live meeting on one screen (issue 12), end to end in Chromium: five people run a whole
 * presenter slot from the room page alone ([AT-LM1]); closing asks for confirmation and leaves
 * a summary with no controls, the optional pulse's counts included ([AT-LM3]); axe finds nothing in any stage kind at 1280 and 320
 * CSS pixels ([AT-LM6]); presence shows who has left and who is back ([AT-LM2]).
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestPerson } from '../support/actors.js';
import { chromiumForSuite } from '../support/services.js';
import {
  axeViolations,
  expectNoProblems,
  POLL,
  sidewaysOverflow,
  type WatchedPage,
} from './browser.js';
import { browserSuite } from './browser-suite.js';

const chromium = chromiumForSuite('The live room end-to-end');
/** Where screenshots go when `ROOM_SHOTS` names a folder (for looking at, not for asserting). */
const SHOTS = process.env.ROOM_SHOTS ?? '';

const ISSUE = 'Two rotas must become one without losing either team’s goodwill.';
const FIRST_QUESTION = 'What have you tried so far?';
const SECOND_QUESTION = 'Who else cares about the outcome?';
const REFLECTION = 'I heard how much the goodwill matters to you.';
const ACTION = 'Talk to both ward managers together';

function button(page: Page, name: string): Locator {
  return page.getByRole('button', { name, exact: true });
}

function stageOf(page: Page) {
  return page.getByTestId('current-stage').textContent();
}

/** The words in a board field, without the other people's carets drawn among them. */
function textOf(field: Locator): Promise<string> {
  return field.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.app-caret').forEach((caret) => caret.remove());
    return Array.from(copy.children)
      .map((block) => block.textContent ?? '')
      .join('\n')
      .trim();
  });
}

/** axe at 1280 and 320 CSS pixels, no sideways scrolling at 320; a screenshot of each if asked. */
async function checkAccessible(watched: WatchedPage, stage: string): Promise<void> {
  const { page } = watched;
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await axeViolations(page), `${stage} at ${width}px`).toEqual([]);
    if (width === 320)
      expect(await sidewaysOverflow(page), `${stage} at 320px`).toBeLessThanOrEqual(0);
    if (SHOTS) {
      const name = stage.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
      await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe.skipIf(!chromium.available)('The live room end-to-end', () => {
  const suite = browserSuite();

  async function roomOf(setId: string, person: TestPerson): Promise<WatchedPage> {
    const watched = await suite.open(`/sets/${setId}/meetings/0`, person, {
      viewport: { width: 1280, height: 900 },
    });
    return watched;
  }

  /** The facilitator moves on and every page shows `label` as the current stage. */
  async function moveOn(fran: Page, pages: Page[], label: string): Promise<void> {
    await button(fran, 'Move on').click();
    for (const page of pages) await expect.poll(() => stageOf(page), POLL).toBe(label);
  }

  it('[AT-LM1] [AT-LM3] [AT-LM6] five people run a whole slot from the room page, close with confirmation, and read the summary; axe finds nothing in any stage', async () => {
    const people = await suite.newSet(4, { quorum: 3, timeAllocation: 'bid' });
    const setId = people.set.id;
    const [pat, mo, ann, ben] = people.members as [TestPerson, TestPerson, TestPerson, TestPerson];

    const fran = await suite.open(`/sets/${setId}`, people.facilitator, {
      viewport: { width: 1280, height: 900 },
    });
    await button(fran.page, 'Open the meeting room for meeting 1').click();
    await button(fran.page, 'Open the lobby').click();
    await button(fran.page, 'Join the meeting').click();
    // One after another: four pages loading at once is slow on a busy two-core machine.
    const members: WatchedPage[] = [];
    for (const person of [pat, mo, ann, ben]) members.push(await roomOf(setId, person));
    const [patRoom, moRoom, annRoom] = members as [WatchedPage, WatchedPage, WatchedPage];
    for (const { page } of members) await button(page, 'Join the meeting').click();
    const everyone = [fran, ...members];
    const pages = everyone.map((watched) => watched.page);
    for (const page of pages) {
      await expect
        .poll(() => page.getByTestId('participants').innerText(), POLL)
        .not.toContain('Not joined yet');
    }
    await checkAccessible(fran, 'lobby');

    await button(fran.page, 'Start the meeting').click();
    for (const page of pages) await expect.poll(() => stageOf(page), POLL).toBe('Opening');
    await checkAccessible(fran, 'opening');

    // Contracting: the ground rules are there to work on, in the room.
    await moveOn(fran.page, pages, 'Agreeing our ground rules');
    await expect.poll(() => fran.page.getByTestId('work-surface').count(), POLL).toBe(1);
    await checkAccessible(fran, 'contracting');

    // The expectations round: the cards are in the room; each member in turn.
    await moveOn(fran.page, pages, 'Expectations round');
    await expect.poll(() => patRoom.page.getByTestId('round-cards').count(), POLL).toBe(1);
    await checkAccessible(patRoom, 'expectations round');
    for (let turn = 0; turn < 3; turn++) await button(fran.page, 'Move on').click();
    await moveOn(fran.page, pages, 'Objectives');
    await checkAccessible(fran, 'objectives');

    // Bidding: Pat bids in the room.
    await moveOn(fran.page, pages, 'Bidding for airtime');
    await patRoom.page.getByLabel('Your issue in one line').fill('Merging two rotas');
    await patRoom.page.getByLabel('Minutes you would like').fill('40');
    await button(patRoom.page, 'Place your bid').click();
    await expect
      .poll(() => fran.page.getByTestId('agenda').innerText(), POLL)
      .toContain('Merging two rotas');
    await checkAccessible(fran, 'bidding');

    // Presenting: Pat writes the issue in the room; everyone sees it there.
    await moveOn(fran.page, pages, 'Presenter slot: Contracting');
    await moveOn(fran.page, pages, 'Presenter slot: Presenting');
    const issue = (page: Page) =>
      page.getByRole('textbox', { name: 'Issue statement', exact: true });
    await issue(patRoom.page).click();
    await patRoom.page.keyboard.type(ISSUE);
    for (const page of pages) await expect.poll(() => textOf(issue(page)), POLL).toBe(ISSUE);
    await checkAccessible(moRoom, 'presenting');

    // Clarifying: Mo and then Ann hold the floor and ask, in the room.
    await button(patRoom.page, 'I have finished presenting').click();
    for (const page of pages)
      await expect.poll(() => stageOf(page), POLL).toBe('Presenter slot: Clarifying questions');
    await button(moRoom.page, 'Raise your hand').click();
    await button(annRoom.page, 'Raise your hand').click();
    await expect
      .poll(() => fran.page.getByTestId('floor-line').innerText(), POLL)
      .toContain('Has the floor: Member 2');
    await moRoom.page.getByLabel('Ask a question').fill(FIRST_QUESTION);
    await button(moRoom.page, 'Ask the question').click();
    await button(moRoom.page, 'Give up the floor').click();
    await expect
      .poll(() => fran.page.getByTestId('floor-line').innerText(), POLL)
      .toContain('Has the floor: Member 3');
    await annRoom.page.getByLabel('Ask a question').fill(SECOND_QUESTION);
    await button(annRoom.page, 'Ask the question').click();
    for (const page of pages) {
      await expect.poll(() => page.getByTestId('question').count(), POLL).toBe(2);
    }
    await checkAccessible(fran, 'clarifying');

    await moveOn(fran.page, pages, 'Presenter slot: Exploring with open questions');
    await checkAccessible(annRoom, 'exploring');

    // Reflecting back: Mo writes a reflection in the room; Pat reads it there.
    await moveOn(fran.page, pages, 'Presenter slot: Reflecting back');
    const mine = moRoom.page.getByRole('textbox', { name: 'Your reflections', exact: true });
    await mine.click();
    await moRoom.page.keyboard.type(REFLECTION);
    const theirs = patRoom.page.getByRole('textbox', {
      name: 'Reflections from Member 2',
      exact: true,
    });
    await expect.poll(() => textOf(theirs), POLL).toBe(REFLECTION);
    await checkAccessible(moRoom, 'reflecting back');

    // Action planning: Pat writes an action in the room; everyone sees it.
    await moveOn(fran.page, pages, 'Presenter slot: Action planning');
    await button(patRoom.page, 'Add an action').click();
    await patRoom.page.getByLabel('What I will do').fill(ACTION);
    await patRoom.page.getByLabel('How I will know it has worked').fill('Both agree a date');
    await button(patRoom.page, 'Add action').click();
    for (const page of pages) {
      await expect.poll(() => page.getByTestId('work-surface').innerText(), POLL).toContain(ACTION);
    }
    await checkAccessible(patRoom, 'action planning');

    await moveOn(fran.page, pages, 'Presenter slot: Presenter feedback');
    await moveOn(fran.page, pages, 'Presenter slot: Complete');
    await moveOn(fran.page, pages, 'Process review');
    await expect.poll(() => fran.page.getByTestId('airtime-chart').count(), POLL).toBe(1);
    // The optional pulse: two answer, anonymously; they see only the counts.
    for (const [room, answer] of [
      [patRoom, '4 – Very useful'],
      [moRoom, '5 – Extremely useful'],
    ] as const) {
      await room.page.getByLabel(answer).check();
      await button(room.page, 'Send your answer').click();
      await expect.poll(() => room.page.getByTestId('pulse-distribution').count(), POLL).toBe(1);
    }
    await checkAccessible(fran, 'process review');
    await moveOn(fran.page, pages, 'Closing');
    await checkAccessible(fran, 'closing');

    // [AT-LM3] Closing asks first; "Not yet" keeps the meeting open.
    await button(fran.page, 'Close the meeting').click();
    const confirm = fran.page.getByTestId('confirm-close');
    await expect.poll(() => confirm.isVisible(), POLL).toBe(true);
    await button(fran.page, 'Not yet').click();
    expect(await stageOf(fran.page)).toBe('Closing');
    await button(fran.page, 'Close the meeting').click();
    await button(fran.page, 'Yes, close the meeting').click();
    for (const page of pages) {
      await expect.poll(() => page.getByTestId('meeting-summary').count(), POLL).toBe(1);
    }

    // The summary: attendance, the action with its owner and due date, the airtime chart.
    const summaryOf = async (page: Page) => {
      const summary = page.getByTestId('meeting-summary');
      await expect.poll(() => summary.getByTestId('summary-action').count(), POLL).toBe(1);
      const attendance = await summary.getByTestId('summary-attendance').innerText();
      for (const name of ['Member 1', 'Member 2', 'Member 3', 'Member 4'])
        expect(attendance).toMatch(new RegExp(`${name}( \\(you\\))?: Present`));
      const action = await summary.getByTestId('summary-action').innerText();
      expect(action).toContain(ACTION);
      expect(action).toContain('Member 1');
      expect(action).toMatch(/\d{1,2} [A-Z][a-z]+ \d{4}/);
      expect(await summary.getByTestId('airtime-chart').count()).toBe(1);
      expect(await summary.getByTestId('summary-questions').innerText()).toContain('2 questions');
      await expect
        .poll(() => summary.getByTestId('summary-no-reviews').textContent(), POLL)
        .toBe('No set objective was reviewed at this meeting.');
      const pulse = await summary.getByTestId('pulse-distribution').innerText();
      expect(pulse).toMatch(/4 – Very useful\s+1 of 2/);
      expect(pulse).toMatch(/5 – Extremely useful\s+1 of 2/);
    };
    await summaryOf(annRoom.page);
    await annRoom.page.reload();
    await summaryOf(annRoom.page);

    // The closed room has no meeting controls, enabled or not.
    for (const page of [fran.page, annRoom.page]) {
      for (const testId of ['facilitator-controls', 'member-controls', 'raised-hands'])
        expect(await page.getByTestId(testId).count(), testId).toBe(0);
      expect(await page.locator('button[aria-disabled="true"]').count()).toBe(0);
      expect(await page.locator('main button').count()).toBe(0);
    }
    await checkAccessible(annRoom, 'closed');

    // [AT-LM1] Nobody left the room page.
    for (const page of pages)
      expect(new URL(page.url()).pathname).toBe(`/sets/${setId}/meetings/0`);
    await expectNoProblems(...everyone);
  }, 600_000);

  it('[AT-LM2] closing a member’s page shows them as left within 5 s for everyone; reopening shows them back; attendance records both', async () => {
    const people = await suite.newSet(2, { quorum: 2 });
    const setId = people.set.id;
    const [first, second] = people.members as [TestPerson, TestPerson];
    const fran = await roomOf(setId, people.facilitator);
    await button(fran.page, 'Open the meeting room').click();
    await button(fran.page, 'Open the lobby').click();
    await button(fran.page, 'Join the meeting').click();
    const a = await roomOf(setId, first);
    const b = await roomOf(setId, second);
    await button(a.page, 'Join the meeting').click();
    await button(b.page, 'Join the meeting').click();
    await expect
      .poll(() => fran.page.getByTestId('participants').innerText(), POLL)
      .not.toContain('Not joined yet');
    await button(fran.page, 'Start the meeting').click();
    await expect.poll(() => stageOf(a.page), POLL).toBe('Opening');

    const presence = (page: Page) => page.getByTestId(`presence-${second.personId}`);
    await b.context.close();
    for (const page of [fran.page, a.page]) {
      await expect.poll(() => presence(page).textContent(), { timeout: 5_000 }).toBe('Left');
    }
    await expect
      .poll(() => fran.page.getByRole('region', { name: 'Participants' }).innerText(), POLL)
      .toContain('2 of 3 here now');

    const again = await roomOf(setId, second);
    for (const page of [fran.page, a.page, again.page]) {
      await expect.poll(() => presence(page).textContent(), { timeout: 5_000 }).toBe('Came back');
    }
    await expectNoProblems(fran, a, again);
  });
});

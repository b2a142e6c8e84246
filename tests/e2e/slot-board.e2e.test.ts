/**
 * [AT-D6] A presenter's slot board, end to end: the built client, served by a real server with its
 * real CSP, in real Chromium; the slot's Yjs doc through the real /yjs endpoint and its write
 * gate; questions through the real `question:ask`. The meeting is driven to the slot over
 * Socket.IO with the server on a clock the test holds, so nothing moves on by itself.
 */
import type { SetSettings } from '@setboard/shared';
import type { Locator, Page, WebSocketRoute } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestPerson } from '../support/actors.js';
import { ManualClock } from '../support/manual-clock.js';
import { FIRST_MEETING_STARTS_AT, MINUTE_MS } from '../support/meeting-set.js';
import { chromiumForSuite } from '../support/services.js';
import { doAndSettle, meetingAtPresenting, type SlotMeeting } from '../support/slot-meeting.js';
import {
  sidewaysOverflow,
  type OpenOptions,
  type WatchedPage,
  expectNoProblems,
  POLL,
} from './browser.js';
import { browserSuite } from './browser-suite.js';

const chromium = chromiumForSuite('Slot board end-to-end');

const ISSUE = 'Two rotas must become one without losing the goodwill of either team.';
const QUESTION = 'What have you tried so far?';

function issueOf(page: Page) {
  return page.getByRole('textbox', { name: 'Issue statement', exact: true });
}

/** The words in a board field, without the other people's carets drawn among them. */
function textOf(field: Locator): Promise<string> {
  return field.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.app-caret').forEach((caret) => caret.remove());
    const blocks = Array.from(copy.children).map((block) => block.textContent ?? '');
    return blocks.join('\n').trim();
  });
}

function askButton(page: Page) {
  return page.getByRole('button', { name: 'Ask the question', exact: true });
}

/** The questions on the page as "text — author" lines. */
async function questionsOn(page: Page): Promise<string[]> {
  const items = page.getByTestId('question');
  const lines: string[] = [];
  for (let index = 0; index < (await items.count()); index++) {
    const item = items.nth(index);
    const text = await item.getByTestId('question-text').textContent();
    const author = await item.getByTestId('question-author').textContent();
    lines.push(`${text} — ${author}`);
  }
  return lines;
}

/** The board has the server's content: its questions stop being busy once the doc has synced. */
async function waitForBoard(page: Page): Promise<void> {
  const questions = page.getByRole('region', { name: 'Questions', exact: true });
  await expect.poll(() => questions.getAttribute('aria-busy'), POLL).toBe('false');
}

describe.skipIf(!chromium.available)('Slot board end-to-end', () => {
  // The server's clock stays inside the first meeting's lobby window: every set made here can
  // open its first meeting, and no stage ever times out.
  const clock = new ManualClock(FIRST_MEETING_STARTS_AT - 5 * MINUTE_MS);
  const suite = browserSuite({ clock });

  const slotMeeting = (settings: Partial<SetSettings> = {}): Promise<SlotMeeting> =>
    meetingAtPresenting(suite.server.url, suite.organiser, 2, settings);

  async function openBoard(
    meeting: SlotMeeting,
    person: TestPerson,
    options: Omit<OpenOptions, 'cookie'> = {},
  ): Promise<WatchedPage> {
    const path = `/sets/${meeting.people.set.id}/meetings/0/slots/${meeting.slotId}`;
    const watched = await suite.open(path, person, options);
    await waitForBoard(watched.page);
    return watched;
  }

  it('[AT-D6] the presenter types the issue → members see it live, locked with the reason → a member with the floor asks → everyone sees the question → after a reload every board shows the same', async () => {
    const meeting = await slotMeeting();
    const [pat, mo] = [meeting.people.members[0]!, meeting.people.members[1]!];
    const presenter = await openBoard(meeting, pat);
    const member = await openBoard(meeting, mo);
    const facilitator = await openBoard(meeting, meeting.people.facilitator);
    const everyone = [presenter, member, facilitator];

    // The presenter writes the issue; the others see it as it is typed.
    expect(await issueOf(presenter.page).getAttribute('aria-readonly')).toBe('false');
    await issueOf(presenter.page).click();
    await presenter.page.keyboard.type(ISSUE);
    for (const { page } of [member, facilitator]) {
      await expect.poll(() => textOf(issueOf(page)), POLL).toBe(ISSUE);
    }

    // Members see the presenter's named caret, and their selection, drawn without inline styles
    // the CSP would refuse (checked with every page's problems at the end).
    const caret = member.page.locator('.app-caret');
    await expect.poll(() => caret.getAttribute('data-caret-of'), POLL).toBe('Member 1');
    await presenter.page.keyboard.press('Shift+Home');
    await expect
      .poll(() => member.page.locator('.app-caret-selection').count(), POLL)
      .toBeGreaterThan(0);
    await presenter.page.keyboard.press('End');

    // A member cannot write the issue: it is read-only, says why, and typing changes nothing.
    const locked = issueOf(member.page);
    expect(await locked.getAttribute('aria-readonly')).toBe('true');
    expect(await locked.isEditable()).toBe(false);
    const reasonId = (await locked.getAttribute('aria-describedby'))?.split(' ').at(-1);
    expect(await member.page.locator(`#${reasonId}`).innerText()).toContain(
      'Only the presenter writes their issue',
    );
    await locked.focus();
    await member.page.keyboard.type('My own view');
    expect(await textOf(locked)).toBe(ISSUE);
    expect(await textOf(issueOf(presenter.page))).toBe(ISSUE);
    expect(await member.page.getByTestId('refused-write').count()).toBe(0);

    // Clarifying: the member may ask only once they hold the floor.
    await doAndSettle(meeting, meeting.presenter, { type: 'presenting:finish' });
    const ask = askButton(member.page);
    await expect.poll(() => ask.getAttribute('aria-disabled'), POLL).toBe('true');
    expect(
      await member.page.getByText('Only the person with the floor puts a question.').count(),
    ).toBe(1);
    const moClient = meeting.members[0]!;
    await doAndSettle(meeting, moClient, { type: 'hand:raise' });
    await expect.poll(() => ask.getAttribute('aria-disabled'), POLL).toBeNull();

    // The advice check speaks up while the member types, and quietens for a good question.
    const field = member.page.getByLabel('Ask a question');
    await field.fill('Have you thought about asking HR?');
    await expect
      .poll(() => member.page.getByTestId('advice-reasons').innerText(), POLL)
      .toContain('Have you thought about');
    await field.fill(QUESTION);
    await expect.poll(() => member.page.getByTestId('advice-reasons').count(), POLL).toBe(0);
    await ask.click();
    await expect.poll(() => field.inputValue(), POLL).toBe('');

    // Everyone sees the question with its author.
    await expect
      .poll(() => questionsOn(member.page), POLL)
      .toEqual([`${QUESTION} — Member 2 (you)`]);
    for (const { page } of [presenter, facilitator]) {
      await expect.poll(() => questionsOn(page), POLL).toEqual([`${QUESTION} — Member 2`]);
    }
    await expectNoProblems(...everyone);

    // After a reload every board shows the same issue and questions.
    for (const { page } of everyone) {
      await page.reload();
      await waitForBoard(page);
      await expect.poll(() => textOf(issueOf(page)), POLL).toBe(ISSUE);
      await expect
        .poll(async () => (await questionsOn(page)).map((line) => line.replace(' (you)', '')), POLL)
        .toEqual([`${QUESTION} — Member 2`]);
    }

    // The board reflows at 320 CSS pixels without sideways scrolling (WCAG 1.4.10).
    await member.page.setViewportSize({ width: 320, height: 640 });
    expect(await sidewaysOverflow(member.page)).toBeLessThanOrEqual(0);
    await expectNoProblems(...everyone);
  });

  it('[AT-D6] text the presenter types while the board is offline is kept, and reaches the set on reconnect', async () => {
    const meeting = await slotMeeting();
    let online = true;
    let routes: WebSocketRoute[] = [];
    const presenter = await openBoard(meeting, meeting.people.members[0]!, {
      // The presenter's board connection goes through a switch the test can open.
      prepare: (page) =>
        page.routeWebSocket(/\/yjs\//, (ws) => {
          if (!online) return ws.close({ code: 4000, reason: 'offline' });
          ws.connectToServer();
          routes.push(ws);
        }),
    });
    const member = await openBoard(meeting, meeting.people.members[1]!);
    await issueOf(presenter.page).click();
    await presenter.page.keyboard.type('Before.');
    await expect.poll(() => textOf(issueOf(member.page)), POLL).toBe('Before.');

    online = false;
    for (const route of routes) await route.close({ code: 4000, reason: 'offline' });
    routes = [];
    await expect
      .poll(() => presenter.page.getByTestId('connection-message').textContent(), POLL)
      .toBe('Offline — your changes will sync when you reconnect');
    expect(await issueOf(presenter.page).isEditable()).toBe(true);
    await presenter.page.keyboard.type(' Typed offline.');
    expect(await textOf(issueOf(presenter.page))).toBe('Before. Typed offline.');
    expect(await textOf(issueOf(member.page))).toBe('Before.');

    online = true;
    await expect.poll(() => textOf(issueOf(member.page)), POLL).toBe('Before. Typed offline.');
    await expect
      .poll(() => presenter.page.getByTestId('connection-message').textContent(), POLL)
      .toBe('Connected');
  });

  it('[AT-D6] the presenter clears the slot record after a confirm step; every board empties, with no refusals', async () => {
    const meeting = await slotMeeting();
    const presenter = await openBoard(meeting, meeting.people.members[0]!);
    const member = await openBoard(meeting, meeting.people.members[1]!);
    await issueOf(presenter.page).click();
    await presenter.page.keyboard.type(ISSUE);
    await expect.poll(() => textOf(issueOf(member.page)), POLL).toBe(ISSUE);

    await presenter.page.getByRole('button', { name: 'Delete this slot’s record' }).click();
    const confirm = presenter.page.getByTestId('clear-confirm');
    await expect.poll(() => confirm.isVisible(), POLL).toBe(true);
    await confirm.getByRole('button', { name: 'Yes, delete the record' }).click();

    for (const { page } of [presenter, member]) {
      await expect.poll(() => textOf(issueOf(page)), POLL).toBe('');
    }
    expect(await member.page.getByTestId('refused-write').count()).toBe(0);
    await expectNoProblems(presenter, member);
  });

  it('[AT-D6] a locked field emptied by someone else does not write anything back (the gate refuses nothing)', async () => {
    const meeting = await slotMeeting();
    let presenter = await openBoard(meeting, meeting.people.members[0]!);
    const member = await openBoard(meeting, meeting.people.members[1]!);
    await issueOf(presenter.page).click();
    await presenter.page.keyboard.type(ISSUE);
    await expect.poll(() => textOf(issueOf(member.page)), POLL).toBe(ISSUE);

    // The presenter clears the record from elsewhere, with no editor of theirs open to refill it.
    await presenter.context.close();
    const cleared = await meeting.presenter.socket.emitWithAck('slot:clear-record', {
      slotId: meeting.slotId,
    });
    expect(cleared).toMatchObject({ ok: true });
    await expect.poll(() => textOf(issueOf(member.page)), POLL).toBe('');
    // The member's page redraws the empty field (focus, selection) as people do.
    await issueOf(member.page).click();
    await member.page.keyboard.press('ArrowDown');

    // The presenter's next words reach the member after anything the member's page sent, so a
    // refusal would have been shown by then.
    presenter = await openBoard(meeting, meeting.people.members[0]!);
    await issueOf(presenter.page).click();
    await presenter.page.keyboard.type('A fresh start.');
    await expect.poll(() => textOf(issueOf(member.page)), POLL).toBe('A fresh start.');
    expect(await member.page.getByTestId('refused-write').count()).toBe(0);
    await expectNoProblems(presenter, member);
  });

  it('[AT-D6] a set that holds advice back says why and keeps the words; the author changes their question; the presenter marks it helped', async () => {
    const meeting = await slotMeeting({ adviceCheck: 'hold', queue: 'open' });
    await doAndSettle(meeting, meeting.presenter, { type: 'presenting:finish' });
    const presenter = await openBoard(meeting, meeting.people.members[0]!);
    const member = await openBoard(meeting, meeting.people.members[1]!);

    // Under the open queue the member may ask without the floor; the held question comes back.
    const field = member.page.getByLabel('Ask a question');
    await field.fill('Why don’t you ask HR for help?');
    await askButton(member.page).click();
    const problem = member.page.getByRole('alert');
    await expect.poll(() => problem.innerText(), POLL).toContain('reworded');
    expect(await problem.innerText()).toContain('Why don');
    expect(await field.inputValue()).toBe('Why don’t you ask HR for help?');
    expect(await questionsOn(presenter.page)).toEqual([]);

    await field.fill('What help is there?');
    await askButton(member.page).click();
    await expect
      .poll(() => questionsOn(presenter.page), POLL)
      .toEqual(['What help is there? — Member 2']);

    // The author rewords it while the slot runs; everyone sees the new words.
    await member.page.getByRole('button', { name: 'Change your question' }).click();
    await member.page.getByLabel('Your question').fill('What help have you found?');
    await member.page.getByRole('button', { name: 'Save the question' }).click();
    await expect
      .poll(() => questionsOn(presenter.page), POLL)
      .toEqual(['What help have you found? — Member 2']);

    // The presenter marks it as having helped; the member sees the mark.
    await presenter.page.getByRole('button', { name: /^Mark as helped/ }).click();
    await expect
      .poll(() => member.page.getByTestId('question').innerText(), POLL)
      .toContain('Helped the presenter');
    await expectNoProblems(presenter, member);
  });
});

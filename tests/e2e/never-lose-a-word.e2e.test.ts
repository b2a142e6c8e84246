/**
 * Never lose a word, in Chromium ([AT-NL1], [AT-NL2], [AT-NL3], [AT-NL5]): a member writes their
 * reflections on a live slot board while offline, while the meeting moves on, across closing the
 * page; a command sent offline; a connection that dies without a word. The built client against
 * a real server on a clock the test holds, the meeting driven over Socket.IO.
 */
import * as Y from 'yjs';
import { personalRoot } from '@setboard/shared';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestPerson } from '../support/actors.js';
import { ManualClock } from '../support/manual-clock.js';
import { FIRST_MEETING_STARTS_AT, MINUTE_MS } from '../support/meeting-set.js';
import { proseOf } from '../support/board-client.js';
import { chromiumForSuite } from '../support/services.js';
import {
  doAndSettle,
  meetingAtPresenting,
  meetingAtReflectingBack,
  type SlotMeeting,
} from '../support/slot-meeting.js';
import { expectNoProblems, POLL, type WatchedPage } from './browser.js';
import { canaryCountIn } from './browser-local-copies.js';
import { browserSuite } from './browser-suite.js';

const chromium = chromiumForSuite('Never lose a word end-to-end');

const SENTENCE =
  'What I heard is that the two rotas matter less than the two teams: each has its own way of ' +
  'covering nights, and neither wants to lose it. I wonder whether a trial month on one ward, ' +
  'run by both team leads together, would show what each could live with.';

function reflectionsOf(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Your reflections', exact: true });
}

/** The words in a board field, without other people's carets drawn among them. */
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

/** Everything the page's given-back panels hold, in order. */
async function givenBackOn(page: Page): Promise<string[]> {
  return page
    .getByTestId('given-back-text')
    .evaluateAll((fields) => fields.map((field) => (field as HTMLTextAreaElement).value));
}

describe.skipIf(!chromium.available)('Never lose a word end-to-end', () => {
  const clock = new ManualClock(FIRST_MEETING_STARTS_AT - 5 * MINUTE_MS);
  const suite = browserSuite({ clock });

  /** A slot at reflecting back, with its facilitator, presenter and one more member. */
  const reflectingBack = () => meetingAtReflectingBack(suite.server.url, suite.organiser, 2);

  const boardPath = (meeting: SlotMeeting) =>
    `/sets/${meeting.people.set.id}/meetings/0/slots/${meeting.slotId}`;

  async function openBoard(meeting: SlotMeeting, person: TestPerson): Promise<WatchedPage> {
    const watched = await suite.open(boardPath(meeting), person);
    await expect.poll(() => boardStatus(watched.page), POLL).toBe('connected');
    return watched;
  }

  /** What the page's one connection indicator says: `connected`, `offline`, … */
  function boardStatus(page: Page): Promise<string | null> {
    return page.getByTestId('connection-indicator').getAttribute('data-tone');
  }

  /** The stored reflections of `person` on the slot's board. */
  async function storedReflections(meeting: SlotMeeting, person: TestPerson): Promise<string> {
    const doc = new Y.Doc();
    for (const update of (await suite.server.store.loadDoc(`slot:${meeting.slotId}`)).updates)
      Y.applyUpdate(doc, update);
    return proseOf(doc, personalRoot('reflections', person.personId));
  }

  async function storedLog(person: TestPerson): Promise<string> {
    const doc = new Y.Doc();
    for (const update of (await suite.server.store.loadDoc(`log:${person.personId}`)).updates)
      Y.applyUpdate(doc, update);
    return [...doc.share.keys()]
      .filter((name) => name.startsWith('entry:'))
      .map((name) => proseOf(doc, name))
      .join('\n');
  }

  it('[AT-NL1] a sentence typed offline into a section that closes meanwhile comes back whole, once, and can be kept in the learning log; all three editors agree', async () => {
    const meeting = await reflectingBack();
    const [pat, mo] = [meeting.people.members[0]!, meeting.people.members[1]!];
    const member = await openBoard(meeting, mo);
    const presenter = await openBoard(meeting, pat);
    const facilitator = await openBoard(meeting, meeting.people.facilitator);

    await member.context.setOffline(true);
    await expect.poll(() => boardStatus(member.page), POLL).toBe('offline');
    await reflectionsOf(member.page).click();
    await member.page.keyboard.type(SENTENCE);
    expect(await textOf(reflectionsOf(member.page))).toBe(SENTENCE);

    await doAndSettle(meeting, meeting.facilitator, { type: 'stage:advance' });
    await member.context.setOffline(false);

    await expect.poll(() => givenBackOn(member.page), POLL).toEqual([SENTENCE]);
    expect(await member.page.getByTestId('given-back').count()).toBe(1);
    await expect
      .poll(() => member.page.getByTestId('given-back').locator('h2').innerText(), POLL)
      .toContain('This part closed when the meeting moved to');
    await expect.poll(() => boardStatus(member.page), POLL).toBe('connected');
    await expect.poll(() => textOf(reflectionsOf(member.page)), POLL).toBe('');
    expect(await storedReflections(meeting, mo)).toBe('');
    for (const { page } of [presenter, facilitator]) {
      expect(await page.getByText(SENTENCE.slice(0, 40)).count()).toBe(0);
    }

    await member.page.getByRole('button', { name: 'Keep it in my learning log' }).click();
    await expect
      .poll(() => member.page.getByTestId('given-back').getByRole('status').innerText(), POLL)
      .toContain('Kept in your learning log');
    expect(await storedLog(mo)).toContain(SENTENCE);
    // Still there until dismissed; dismissing removes it.
    await member.page.getByRole('button', { name: 'Dismiss this message' }).click();
    await expect.poll(() => member.page.getByTestId('given-back').count(), POLL).toBe(0);
    await expectNoProblems(member, presenter, facilitator);
  });

  it('[AT-NL2] the stage changes mid-sentence: every character typed is on the board or in the panel, none missing or twice', async () => {
    const meeting = await reflectingBack();
    const mo = meeting.people.members[1]!;
    // The member's page hears of the stage change late (as over a slow network): hold what the
    // server says on Socket.IO while the test says so, so their typing runs on past the change.
    let holding = false;
    const held: Array<() => void> = [];
    const member = await suite.open(boardPath(meeting), mo, {
      prepare: (page) =>
        page.routeWebSocket(/\/socket\.io\//, (ws) => {
          const server = ws.connectToServer();
          server.onMessage((message) => {
            if (holding) held.push(() => ws.send(message));
            else ws.send(message);
          });
        }),
    });
    await expect.poll(() => boardStatus(member.page), POLL).toBe('connected');
    const first = 'Before the change, ';
    const second = 'and these words after it, which the server gives back.';
    await reflectionsOf(member.page).click();
    await member.page.keyboard.type(first);
    await expect.poll(() => storedReflections(meeting, mo), POLL).toBe(first);

    holding = true;
    await doAndSettle(meeting, meeting.facilitator, { type: 'stage:advance' });
    await member.page.keyboard.type(second);
    holding = false;
    for (const send of held.splice(0)) send();

    await expect.poll(async () => (await givenBackOn(member.page)).join(''), POLL).toBe(second);
    const kept = await storedReflections(meeting, mo);
    expect(kept).toBe(first);
    await expect.poll(() => textOf(reflectionsOf(member.page)), POLL).toBe(first.trim());
    // Nothing missing, nothing twice: what stayed and what came back make the sentence typed.
    expect(`${kept}${(await givenBackOn(member.page)).join('')}`).toBe(`${first}${second}`);
    await expectNoProblems(member);
  });

  it('[AT-NL3] words typed offline survive closing the page, and reach everyone when it is opened again online', async () => {
    const meeting = await reflectingBack();
    const [pat, mo] = [meeting.people.members[0]!, meeting.people.members[1]!];
    const member = await openBoard(meeting, mo);
    const presenter = await openBoard(meeting, pat);
    await member.context.setOffline(true);
    await expect.poll(() => boardStatus(member.page), POLL).toBe('offline');
    await reflectionsOf(member.page).click();
    await member.page.keyboard.type('Typed offline, then the tab was closed.');
    // A person closes the tab after the last key, not within the millisecond that key takes to
    // reach the browser's copy: wait until the whole sentence is stored there, then close.
    await expect
      .poll(() => canaryCountIn(member.page, 'Typed offline, then the tab was closed.'), POLL)
      .toBeGreaterThan(0);
    await member.page.close();
    await member.context.setOffline(false);

    const again = await member.context.newPage();
    await again.goto(`${suite.server.url}${boardPath(meeting)}`);
    await expect
      .poll(() => textOf(reflectionsOf(again)), POLL)
      .toBe('Typed offline, then the tab was closed.');
    await expect
      .poll(() => storedReflections(meeting, mo), POLL)
      .toBe('Typed offline, then the tab was closed.');
    await expect
      .poll(() => presenter.page.getByText('Typed offline, then the tab was closed.').count(), POLL)
      .toBe(1);
  });

  it('[AT-NL5] a command sent offline is refused at once and leaves no error once one succeeds; a dead connection shows as offline within five seconds', async () => {
    const meeting = await meetingAtPresenting(suite.server.url, suite.organiser, 2);
    await doAndSettle(meeting, meeting.presenter, { type: 'presenting:finish' });
    const mo = meeting.people.members[1]!;
    const room = await suite.open(`/sets/${meeting.people.set.id}/meetings/0`, mo);
    const raise = room.page.getByRole('button', { name: 'Raise your hand' });
    await expect.poll(() => raise.isEnabled(), POLL).toBe(true);

    await room.context.setOffline(true);
    await raise.click();
    await expect
      .poll(() => room.page.getByText('You’re offline — try again when connected.').count(), POLL)
      .toBeGreaterThan(0);
    await room.context.setOffline(false);
    await expect.poll(() => raise.isEnabled(), POLL).toBe(true);
    await raise.click();
    await expect
      .poll(() => room.page.getByRole('button', { name: 'Lower your hand' }).count(), POLL)
      .toBe(1);
    expect(await room.page.getByText('You’re offline — try again when connected.').count()).toBe(0);
    expect(await room.page.getByText('did not answer').count()).toBe(0);

    // A connection that dies without closing (every frame dropped): the board says so in 5 s.
    let silent = false;
    const board = await suite.open(boardPath(meeting), mo, {
      prepare: (page) =>
        page.routeWebSocket(/\/yjs\//, (ws) => {
          const server = ws.connectToServer();
          server.onMessage((message) => {
            if (!silent) ws.send(message);
          });
          ws.onMessage((message) => {
            if (!silent) server.send(message);
          });
        }),
    });
    await expect.poll(() => boardStatus(board.page), POLL).toBe('connected');
    silent = true;
    const wentSilentAt = Date.now();
    await expect
      .poll(() => boardStatus(board.page), { timeout: 5_000, interval: 50 })
      .not.toBe('connected');
    expect(Date.now() - wentSilentAt).toBeLessThan(5_000);
    silent = false;
    await expect.poll(() => boardStatus(board.page), POLL).toBe('connected');
  });
});

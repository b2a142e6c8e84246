/**
 * The set's boards, end to end (issue 5, client part B): the built client, served by a real
 * server with its real CSP, in real Chromium, each person in their own browser context with the
 * session cookie the HTTP API gave them. Objectives are Yjs records on the set's board, behind
 * the server's write gate; the learning log is a doc only its owner may open.
 */
import { YjsCloseCode, YJS_PATH } from '@setboard/shared';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestPerson } from '../support/actors.js';
import { MeetingClient, openMeeting } from '../support/meeting-client.js';
import { chromiumForSuite } from '../support/services.js';
import { sidewaysOverflow, expectNoProblems, POLL } from './browser.js';
import { browserSuite } from './browser-suite.js';

const chromium = chromiumForSuite('Boards end-to-end');

const OWN_OBJECTIVES_ONLY = 'Each member writes only their own objectives.';

/** The section of the set board holding one person's objectives. */
function objectivesOf(page: Page, personId: string | 'mine'): Locator {
  return page.getByTestId(personId === 'mine' ? 'my-objectives' : `objectives-${personId}`);
}

/** Types a date into the NHS.UK date input whose legend is `legend`. */
async function fillDate(scope: Locator, legend: string, [day, month, year]: string[]) {
  const group = scope.getByRole('group', { name: legend, exact: true });
  await group.getByLabel('Day').fill(day ?? '');
  await group.getByLabel('Month').fill(month ?? '');
  await group.getByLabel('Year').fill(year ?? '');
}

interface ObjectiveInput {
  statement: string;
  measure: string;
  targetDate: string[];
}

/** Adds an objective to "Your objectives" and waits until it shows as saved. */
async function addOwnObjective(page: Page, input: ObjectiveInput): Promise<Locator> {
  const mine = objectivesOf(page, 'mine');
  await mine.getByRole('button', { name: 'Add an objective', exact: true }).click();
  const form = mine.getByTestId('objective-form');
  await form.getByLabel('Objective', { exact: true }).fill(input.statement);
  await form.getByLabel('Measure or evidence').fill(input.measure);
  await fillDate(form, 'Target date', input.targetDate);
  await form.getByRole('button', { name: 'Add objective', exact: true }).click();
  const saved = mine.getByTestId('objective').filter({ hasText: input.statement });
  await expect.poll(() => saved.getByTestId('objective-summary').isVisible(), POLL).toBe(true);
  return saved;
}

/**
 * Opens a /yjs connection from inside the page (so with its cookie and Origin, as the provider
 * would) and resolves with the close code the server answers with.
 */
function closeCodeOf(page: Page, docName: string): Promise<number> {
  return page.evaluate(
    ({ path, name }) =>
      new Promise<number>((resolve) => {
        const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
        const socket = new WebSocket(`${scheme}://${window.location.host}${path}/${name}`);
        socket.binaryType = 'arraybuffer';
        socket.addEventListener('close', (event) => resolve(event.code));
      }),
    { path: YJS_PATH, name: docName },
  );
}

describe.skipIf(!chromium.available)('Boards end-to-end', () => {
  const suite = browserSuite();
  const newSet = () => suite.newSet();
  const open = suite.open.bind(suite);

  it('a member writes an individual objective from the set board → another member sees it, read-only', async () => {
    const set = await newSet();
    const [first, second] = set.members as [TestPerson, TestPerson];

    // The set page leads to the set board and to each meeting's board.
    const a = await open(`/sets/${set.set.id}`, first);
    const boards = a.page.getByTestId('boards');
    await expect
      .poll(() => boards.getByRole('link', { name: 'Meeting 2 board' }).count(), POLL)
      .toBe(1);
    await boards.getByRole('link', { name: 'Set board', exact: true }).click();
    await expect.poll(() => new URL(a.page.url()).pathname, POLL).toBe(`/sets/${set.set.id}/board`);

    const objective = await addOwnObjective(a.page, {
      statement: 'Cut time to hire to 45 days',
      measure: 'Days from advert to offer',
      targetDate: ['21', '6', '2028'],
    });
    expect(await objective.innerText()).toContain('21 June 2028');

    const b = await open(`/sets/${set.set.id}/board`, second);
    const theirs = objectivesOf(b.page, first.personId);
    await expect
      .poll(() => theirs.getByTestId('objective').innerText(), POLL)
      .toContain('Cut time to hire to 45 days');
    expect(await theirs.innerText()).toContain('Days from advert to offer');
    // Read-only, with the reason the write rules give, and no controls to change it.
    // (said once above everyone else's objectives, not on each member's)
    const othersNote = b.page.getByTestId('others-objectives').getByTestId('locked-reason');
    expect(await othersNote.innerText()).toContain(OWN_OBJECTIVES_ONLY);
    expect(await theirs.getByTestId('locked-reason').count()).toBe(0);
    expect(await theirs.getByRole('button').count()).toBe(0);
    // B's own section is theirs to add to.
    expect(
      await objectivesOf(b.page, 'mine').getByRole('button', { name: 'Add an objective' }).count(),
    ).toBe(1);
    await expectNoProblems(a, b);
  });

  it('an impossible date shows an error summary, and the saved objective stays as it was', async () => {
    const set = await newSet();
    const [first, second] = set.members as [TestPerson, TestPerson];
    const a = await open(`/sets/${set.set.id}/board`, first);
    const objective = await addOwnObjective(a.page, {
      statement: 'Halve agency spend',
      measure: 'Monthly agency invoices',
      targetDate: ['21', '6', '2028'],
    });

    await objective.getByRole('button', { name: /^Change/ }).click();
    const form = objective.getByTestId('objective-form');
    await form.getByLabel('Measure or evidence').fill('Something else entirely');
    await fillDate(form, 'Target date', ['31', '2', '2028']);
    await form.getByRole('button', { name: 'Save changes', exact: true }).click();

    const summary = form.getByTestId('error-summary');
    await expect.poll(() => summary.isVisible(), POLL).toBe(true);
    expect(await summary.innerText()).toContain('The target date must be a real date');
    // The summary takes focus so it is announced, and its link leads to the day box.
    await expect
      .poll(() => a.page.evaluate(() => document.activeElement?.className ?? ''), POLL)
      .toContain('nhsuk-error-summary');
    await summary.getByRole('link').click();
    expect(await a.page.evaluate(() => document.activeElement?.getAttribute('name'))).toMatch(
      /targetDate\.day$/,
    );
    // What was typed stays in the form to be put right…
    expect(await form.getByLabel('Measure or evidence').inputValue()).toBe(
      'Something else entirely',
    );

    // …and what was saved is untouched, for another member and after a reload.
    const b = await open(`/sets/${set.set.id}/board`, second);
    const seen = objectivesOf(b.page, first.personId).getByTestId('objective');
    await expect.poll(() => seen.innerText(), POLL).toContain('21 June 2028');
    expect(await seen.innerText()).toContain('Monthly agency invoices');
    await form.getByRole('button', { name: 'Cancel', exact: true }).click();
    expect(await objective.innerText()).toContain('21 June 2028');
    await a.page.reload();
    const reloaded = objectivesOf(a.page, 'mine').getByTestId('objective');
    await expect.poll(() => reloaded.innerText(), POLL).toContain('Monthly agency invoices');
    expect(await reloaded.innerText()).toContain('21 June 2028');
    await expectNoProblems(a, b);
  });

  it("[AT-D5] a member cannot open another member's learning log: the page says it is private and /yjs refuses log:<theirs>", async () => {
    const set = await newSet();
    const [owner, other] = set.members as [TestPerson, TestPerson];

    // The owner writes in their own log, reached from the header.
    const mine = await open('/', owner);
    await mine.page.getByRole('link', { name: 'My learning log' }).click();
    await expect
      .poll(() => mine.page.getByTestId('log-privacy').innerText(), POLL)
      .toContain('Only you can read this');
    await mine.page.getByRole('button', { name: 'New entry for today' }).click();
    const log = mine.page.getByRole('textbox', { name: /^Entry for / });
    await expect.poll(() => log.getAttribute('aria-readonly'), POLL).toBe('false');
    await log.click();
    await mine.page.keyboard.type('What I learned today');
    await expect.poll(() => log.innerText(), POLL).toContain('What I learned today');

    // Another member who tries the owner's log is told it is private; the page opens no log.
    const socketsOpened: string[] = [];
    const theirs = await open(`/log/${owner.personId}`, other, {
      prepare: async (page) => {
        page.on('websocket', (socket) => socketsOpened.push(socket.url()));
      },
    });
    await expect
      .poll(() => theirs.page.getByRole('heading', { level: 1 }).innerText(), POLL)
      .toBe('This learning log is private');
    expect(await theirs.page.getByTestId('log-private').isVisible()).toBe(true);
    expect(await theirs.page.getByText('What I learned today').count()).toBe(0);
    expect(socketsOpened.filter((url) => url.includes(`${YJS_PATH}/log:`))).toEqual([]);

    // Asked directly, with the other member's cookie, the server refuses for good (4403).
    expect(await closeCodeOf(theirs.page, `log:${owner.personId}`)).toBe(YjsCloseCode.forbidden);
    await expectNoProblems(mine, theirs);
  });

  it('a meeting board gives each member their own card: theirs to write, everyone else’s to read', async () => {
    const set = await newSet();
    const [first, second] = set.members as [TestPerson, TestPerson];
    const a = await open(`/sets/${set.set.id}`, first);
    await a.page.getByRole('link', { name: 'Meeting 1 board' }).click();
    await expect
      .poll(() => new URL(a.page.url()).pathname, POLL)
      .toBe(`/sets/${set.set.id}/meetings/0/board`);

    const own = a.page.getByRole('textbox', { name: 'Your expectations' });
    await expect.poll(() => own.getAttribute('aria-readonly'), POLL).toBe('false');
    await own.click();
    await a.page.keyboard.type('To think more clearly about restructures');

    const b = await open(`/sets/${set.set.id}/meetings/0/board`, second);
    const seen = b.page.getByRole('textbox', { name: 'Member 1’s expectations' });
    await expect.poll(() => seen.innerText(), POLL).toContain('restructures');
    expect(await seen.getAttribute('aria-readonly')).toBe('true');
    // The reason is said once for the round's cards, and each locked card points to it.
    const notice = b.page.getByTestId('round-cards').getByTestId('section-lock');
    expect(await notice.innerText()).toContain(
      'Each member writes only their own expectations card.',
    );
    expect(await seen.getAttribute('aria-describedby')).toContain('round-cards-locked');
    await expectNoProblems(a, b);
  });

  it('the facilitator publishes the ground rules during the opening → each member agrees → everyone sees who has', async () => {
    // Two members make a quorum in this set, so the three of them can start.
    const people = await suite.newSet(2, { quorum: 2 });
    const server = suite.server;
    const setId = people.set.id;
    const [first, second] = people.members as [TestPerson, TestPerson];
    // The room is open and everyone is in the lobby (driven over Socket.IO, as the room would).
    const meetingId = await openMeeting(server.url, people.facilitator, setId, 0);
    const host = await MeetingClient.connect(server.url, people.facilitator, meetingId);
    await host.do({ type: 'lobby:open' });
    await host.do({ type: 'meeting:join' });
    for (const person of [first, second]) {
      const member = await MeetingClient.connect(server.url, person, meetingId);
      await member.do({ type: 'meeting:join' });
    }
    const fran = await open(`/sets/${setId}/board`, people.facilitator);
    const a = await open(`/sets/${setId}/board`, first);

    // Before the opening the draft is locked, and the facilitator is told when it opens.
    const draft = fran.page.getByRole('textbox', { name: 'Draft ground rules' });
    await expect
      .poll(() => fran.page.getByTestId('publish-locked').innerText(), POLL)
      .toContain('during contracting or the process review');
    expect(await draft.getAttribute('aria-readonly')).toBe('true');

    // The draft starts from the suggested ground rules, never empty.
    await expect
      .poll(() => draft.innerText(), POLL)
      .toContain('What is said in the set stays in the set.');
    // The facilitator starts the meeting: the draft unlocks on the page as the phase changes.
    await host.do({ type: 'meeting:start' });
    await expect.poll(() => draft.getAttribute('aria-readonly'), POLL).toBe('false');
    await draft.click();
    await fran.page.keyboard.press('ControlOrMeta+A');
    await fran.page.keyboard.type('What is said here stays here.');
    await fran.page.keyboard.press('Enter');
    await fran.page.keyboard.type('Questions, not advice.');
    await fran.page.getByRole('button', { name: 'Publish as version 1' }).click();

    // The member reads version 1 and agrees to it; the member's draft stays theirs to read.
    await expect
      .poll(() => a.page.getByTestId('current-version').innerText(), POLL)
      .toContain('What is said here stays here.\nQuestions, not advice.');
    expect(
      await a.page
        .getByRole('textbox', { name: 'Draft ground rules' })
        .getAttribute('aria-readonly'),
    ).toBe('true');
    await a.page.getByRole('button', { name: 'I agree to version 1' }).click();
    await expect
      .poll(() => a.page.getByTestId('my-agreement').innerText(), POLL)
      .toContain('You agreed to version 1');

    const row = fran.page.getByTestId('agreements').getByRole('row', { name: /Member 1/ });
    await expect.poll(() => row.innerText(), POLL).toContain('Agreed');
    const notYet = fran.page.getByTestId('agreements').getByRole('row', { name: /Member 2/ });
    expect(await notYet.innerText()).toContain('Not yet');
    expect(await fran.page.getByRole('button', { name: 'Publish as version 2' }).count()).toBe(1);
    await expectNoProblems(fran, a);
  });

  it('the set board reflows at 320 CSS pixels without sideways scrolling (WCAG 1.4.10)', async () => {
    const set = await newSet();
    const a = await open(`/sets/${set.set.id}/board`, set.members[0]!, {
      viewport: { width: 320, height: 640 },
    });
    await addOwnObjective(a.page, {
      statement: 'Build a coaching culture across three directorates',
      measure: 'Staff survey coaching question',
      targetDate: ['1', '3', '2028'],
    });
    expect(await sidewaysOverflow(a.page)).toBeLessThanOrEqual(0);
    await expectNoProblems(a);
  });
});

/**
 * A set's year in real Chromium (issue 13): my actions between meetings and the check-in,
 * changing the set, apologies and attendance, ground rules and the learning log, and axe on
 * every new page at 1280 and 320 CSS pixels.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { isWorkingDay, type SetView } from '@setboard/shared';
import { expectOk, type TestPerson, type TestSet } from '../support/actors.js';
import { connectBoard, typeParagraph } from '../support/board-client.js';
import { MeetingClient, openMeeting } from '../support/meeting-client.js';
import { chromiumForSuite } from '../support/services.js';
import {
  axeViolations,
  expectNoProblems,
  POLL,
  sidewaysOverflow,
  type OpenOptions,
} from './browser.js';
import { browserSuite } from './browser-suite.js';

const chromium = chromiumForSuite('A set’s year end-to-end');

function addAction(doc: Y.Doc, id: string, what: string, due: string, createdAt: number) {
  doc.transact(() => {
    const record = new Y.Map<unknown>();
    const fields = {
      what,
      intendedOutcome: '',
      howWillIKnow: 'The wards tell me',
      due,
      status: 'committed',
      statusNote: '',
      createdAt,
    };
    for (const [key, value] of Object.entries(fields)) record.set(key, value);
    doc.getMap('actions').set(id, record);
  });
}

describe.skipIf(!chromium.available)('A set’s year end-to-end', () => {
  const suite = browserSuite();
  const url = () => suite.server.url;
  const open = (path: string, person: TestPerson, options: Omit<OpenOptions, 'cookie'> = {}) =>
    suite.open(path, person, options);
  const newSet = (quorum = 2): Promise<TestSet> =>
    suite.newSet(2, { quorum, timeAllocation: 'bid' });

  /** Everyone joins; the facilitator starts and moves on until `reached`. */
  async function runMeeting(people: TestSet, meetingIndex: number) {
    const meetingId = await openMeeting(url(), people.facilitator, people.set.id, meetingIndex);
    const fran = await MeetingClient.connect(url(), people.facilitator, meetingId);
    const members = await Promise.all(
      people.members.map((person) => MeetingClient.connect(url(), person, meetingId)),
    );
    if (fran.state.phase === 'scheduled') await fran.do({ type: 'lobby:open' });
    for (const client of [fran, ...members]) await client.do({ type: 'meeting:join' });
    await fran.do({ type: 'meeting:start' });
    const advanceUntil = async (reached: (state: typeof fran.state) => boolean) => {
      for (let moves = 0; moves < 60 && !reached(fran.state); moves++) {
        const { version } = await fran.do({ type: 'stage:advance' });
        await fran.waitForVersion(version);
      }
      expect(reached(fran.state)).toBe(true);
    };
    return { meetingId, fran, members, advanceUntil };
  }

  it('[AT-BM1] actions from meeting 1 on My actions, one marked done with a note, then on the check-in card at meeting 2 with their status', async () => {
    const people = await newSet();
    const [pat] = people.members as [TestPerson, TestPerson];
    const setId = people.set.id;
    const first = await runMeeting(people, 0);
    await first.advanceUntil((state) => state.phase === 'bidding');
    await first.members[0]!.do({ type: 'bid:place', synopsis: 'Rotas', minutes: 40 });
    await first.advanceUntil(
      (state) =>
        state.phase === 'slot' &&
        state.slots.find((slot) => slot.id === state.currentSlotId)?.stage === 'action_planning',
    );
    const slotId = first.fran.state.currentSlotId!;
    const board = connectBoard(url(), `slot:${slotId}`, pat);
    await board.synced;
    addAction(board.doc, 'a1', 'Talk to the ward managers', '2027-10-01', 1);
    addAction(board.doc, 'a2', 'Draft a rota pilot', '2027-12-14', 2);
    await expect
      .poll(async () => (await suite.server.store.loadDoc(`slot:${slotId}`)).updates.length, POLL)
      .toBeGreaterThan(0);
    await first.advanceUntil((state) => state.phase === 'closed');
    board.destroy();

    // Between meetings: both on My actions, reached from the header; one done, with a note.
    const mine = await open('/', pat);
    await mine.page.getByRole('link', { name: 'My actions' }).click();
    const actions = mine.page.getByTestId('my-action');
    await expect.poll(() => actions.count(), POLL).toBe(2);
    expect(await actions.nth(0).innerText()).toContain('Talk to the ward managers');
    const firstAction = actions.nth(0);
    await firstAction.getByLabel('Status').selectOption('done');
    await firstAction.getByLabel('Progress note (optional)').fill('All six wards agreed');
    await firstAction.getByRole('button', { name: /Save progress/ }).click();
    await expect
      .poll(() => firstAction.getByTestId('progress-notes').innerText(), POLL)
      .toContain('All six wards agreed');
    await mine.page.reload();
    await expect.poll(() => actions.nth(0).innerText(), POLL).toContain('Done');

    // Meeting 2's check-in: Pat's card in the room shows both, with their status.
    const second = await runMeeting(people, 1);
    const room = await open(`/sets/${setId}/meetings/1`, people.facilitator);
    await second.advanceUntil(
      (state) =>
        state.phase === 'check_in' && state.round?.order[state.round.index] === pat.personId,
    );
    const card = room.page.getByTestId('check-in-card');
    await expect.poll(() => card.innerText(), POLL).toContain('Talk to the ward managers');
    const items = card.getByTestId('report-back-action');
    expect(await items.nth(0).innerText()).toContain('Done');
    expect(await items.nth(1).innerText()).toContain('Committed');
    // The meeting board's report-back card says the same.
    const meetingBoard = await open(`/sets/${setId}/meetings/1/board`, pat);
    await expect
      .poll(() => meetingBoard.page.getByTestId('report-back-actions').first().innerText(), POLL)
      .toContain('Draft a rota pilot');
    await expectNoProblems(mine, room, meetingBoard);
  });

  it('[AT-BM4] the facilitator changes dates, a meeting’s own time and place, and settings; bad input changes nothing; the planner suggests a working day; the set closes and reopens', async () => {
    const people = await newSet();
    const setId = people.set.id;
    const page = await open(`/sets/${setId}`, people.facilitator);
    await page.page.getByRole('link', { name: /Change the set’s details/ }).click();
    const meeting2 = page.page.getByTestId('meeting-fields').nth(1);
    await expect.poll(() => meeting2.isVisible(), POLL).toBe(true);

    // Bad input: a clear error, nothing saved.
    await meeting2.getByLabel('Day').fill('31');
    await meeting2.getByLabel('Month').fill('2');
    await meeting2.getByLabel('Ends at').fill('25:00');
    await page.page.getByRole('button', { name: 'Save changes' }).click();
    const summary = page.page.locator('.nhsuk-error-summary');
    await expect.poll(() => summary.innerText(), POLL).toContain('Enter a real date');
    expect(await summary.innerText()).toContain('Enter a time like 09:30');
    const unchanged = (
      await expectOk<SetView>(url(), 'GET', `/api/sets/${setId}`, { as: people.facilitator })
    ).body;
    expect(unchanged.meetings[1]!.date).toBe('2027-12-14');

    // Good input: a new date, meeting 2's own time and place, another meeting, a setting.
    await meeting2.getByLabel('Day').fill('15');
    await meeting2.getByLabel('Month').fill('12');
    await meeting2.getByLabel('Starts at').fill('13:00');
    await meeting2.getByLabel('Ends at').fill('16:30');
    await meeting2.getByLabel('Place (optional)').fill('Board room, Trust HQ');
    await page.page.getByRole('button', { name: 'Add a meeting' }).click();
    await page.page.getByRole('radio', { name: 'Strict' }).check();
    await page.page.getByRole('button', { name: 'Save changes' }).click();
    await expect
      .poll(() => page.page.getByTestId('meetings').innerText(), POLL)
      .toContain('Wednesday 15 December 2027, 13:00 to 16:30');
    const saved = (
      await expectOk<SetView>(url(), 'GET', `/api/sets/${setId}`, { as: people.facilitator })
    ).body;
    expect(saved.meetings).toHaveLength(3);
    expect(saved.meetings[1]).toMatchObject({ place: 'Board room, Trust HQ', startTime: '13:00' });
    expect(saved.meetings[0]!.startTime).toBe('09:30');
    expect(isWorkingDay(saved.meetings[2]!.date)).toBe(true);
    expect(saved.settings.timing).toBe('strict');

    // Closing by hand, then reopening: a forming set reopens as forming.
    await page.page.getByRole('link', { name: /Change the set’s details/ }).click();
    await page.page.getByRole('button', { name: 'Close the set' }).click();
    await page.page.getByRole('button', { name: 'Yes, close the set' }).click();
    await expect.poll(() => page.page.getByText('The set is closed.').count(), POLL).toBe(1);
    expect(await page.page.getByText('Closed').first().isVisible()).toBe(true);
    await page.page.getByRole('link', { name: /Change the set’s details/ }).click();
    await page.page.getByRole('button', { name: 'Reopen the set' }).click();
    await expect
      .poll(() => page.page.getByText('The set has been reopened.').count(), POLL)
      .toBe(1);
    await expectNoProblems(page);
  });

  it('[AT-BM5] apologies sent early with a message and withdrawn; the organiser sees attendance and no content', async () => {
    const people = await newSet();
    const setId = people.set.id;
    const [pat, mo] = people.members as [TestPerson, TestPerson];
    const canary = `canary-${Math.random().toString(36).slice(2)}`;
    // The canary on every board the set has: notes, objectives, the meeting board, a log.
    const setBoard = connectBoard(url(), `set:${setId}`, pat);
    await setBoard.synced;
    setBoard.doc.getText('notes').insert(0, canary);
    const logBoard = connectBoard(url(), `log:${pat.personId}`, pat);
    await logBoard.synced;
    typeParagraph(logBoard.doc, 'entries', canary);
    const meetingBoard = connectBoard(url(), `meeting:${setId}-m0`, mo);
    await meetingBoard.synced;
    typeParagraph(meetingBoard.doc, `expectations:${mo.personId}`, canary);
    await expect
      .poll(
        async () => (await suite.server.store.loadDoc(`meeting:${setId}-m0`)).updates.length,
        POLL,
      )
      .toBeGreaterThan(0);

    const page = await open(`/sets/${setId}`, pat);
    const meeting1 = page.page.getByTestId('meeting-apologies').first();
    await meeting1.getByRole('button', { name: /I cannot come/ }).click();
    await meeting1.getByLabel('Message to the facilitator (optional)').fill(`Tribunal ${canary}`);
    await meeting1.getByRole('button', { name: /Send apologies/ }).click();
    await expect.poll(() => meeting1.innerText(), POLL).toContain('Apologies sent');
    await meeting1.getByRole('button', { name: /I can come after all/ }).click();
    await expect.poll(() => meeting1.innerText(), POLL).toContain('You are expected');
    await meeting1.getByRole('button', { name: /I cannot come/ }).click();
    await meeting1.getByRole('button', { name: /Send apologies/ }).click();
    await expect.poll(() => meeting1.innerText(), POLL).toContain('Apologies sent');

    // The facilitator sees the apologies and is told in their notification centre.
    const fran = await open(`/sets/${setId}`, people.facilitator);
    await expect
      .poll(() => fran.page.getByTestId('attendance-table').innerText(), POLL)
      .toContain('Apologies');
    await expect.poll(() => fran.page.getByTestId('unread-count').innerText(), POLL).toBe('2');

    // The organiser: attendance per meeting, and not a byte of content.
    const org = await open(`/sets/${setId}`, suite.organiser);
    const table = org.page.getByTestId('attendance-table');
    await expect.poll(() => table.innerText(), POLL).toContain('Apologies');
    expect(await table.innerText()).toContain('Member 1');
    expect(await org.page.content()).not.toContain(canary);
    const report = await expectOk(url(), 'GET', `/api/sets/${setId}/attendance`, {
      as: suite.organiser,
    });
    expect(JSON.stringify(report.body)).not.toContain(canary);
    for (const board of [setBoard, logBoard, meetingBoard]) board.destroy();
    await expectNoProblems(page, fran, org);
  });

  it('[AT-BM6] the set page shows only the agreed version, numbered, with who agreed; the draft starts from the suggestions; log entries are dated and separate', async () => {
    const people = await newSet();
    const setId = people.set.id;
    const [pat, mo] = people.members as [TestPerson, TestPerson];
    const meeting = await runMeeting(people, 0);
    expect(meeting.fran.state.phase).toBe('opening');
    const franBoard = connectBoard(url(), `set:${setId}`, people.facilitator);
    await franBoard.synced;
    // Opening the room started the draft from the suggested ground rules.
    await expect
      .poll(() => franBoard.doc.getXmlFragment('groundRules').toString(), POLL)
      .toContain('What is said in the set stays in the set.');
    franBoard.doc.getArray('contractVersions').push([
      {
        version: 1,
        text: '• Confidentiality\n• Questions, not advice\n• Start on time',
        publishedAt: Date.now(),
        publishedBy: people.facilitator.personId,
      },
    ]);
    const patBoard = connectBoard(url(), `set:${setId}`, pat);
    await patBoard.synced;
    await patBoard.waitUntil((doc) => doc.getArray('contractVersions').length === 1, 'version 1');
    patBoard.doc.getMap('agreements').set(pat.personId, { version: 1, agreedAt: Date.now() });

    const page = await open(`/sets/${setId}`, mo);
    const rules = page.page.getByTestId('agreed-rules-list');
    await expect.poll(() => rules.locator('li').count(), POLL).toBe(3);
    expect(await rules.evaluate((list) => list.tagName)).toBe('OL');
    expect(await rules.innerText()).toBe('Confidentiality\nQuestions, not advice\nStart on time');
    expect(await page.page.getByTestId('agreed-by').innerText()).toContain('Agreed by Member 1');
    expect(await page.page.getByTestId('agreed-by').innerText()).toContain('Not yet agreed');
    expect(await page.page.getByText('What is said in the set stays in the set.').count()).toBe(0);

    // The learning log, from the set: an entry for this meeting, and one for today, each dated.
    await page.page.getByTestId('boards').getByRole('link', { name: 'My learning log' }).click();
    await page.page.getByRole('button', { name: 'New entry for today' }).click();
    const entries = page.page.getByTestId('log-entry');
    await expect.poll(() => entries.count(), POLL).toBe(1);
    await entries.first().getByRole('textbox').click();
    await page.page.keyboard.type('What I learned today');
    expect(await entries.first().locator('h3').innerText()).toMatch(
      /^[A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4}/,
    );
    expect(await page.page.getByRole('link', { name: /Back to/ }).getAttribute('href')).toBe(
      `/sets/${setId}`,
    );
    franBoard.destroy();
    patBoard.destroy();
    await expectNoProblems(page);
  });

  it('[AT-BM7] axe finds no violations on the new pages at 1280 and 320 CSS pixels', async () => {
    const people = await newSet();
    const setId = people.set.id;
    const [pat] = people.members as [TestPerson];
    await expectOk(url(), 'POST', `/api/sets/${setId}/meetings/1/apologies`, {
      as: pat,
      body: { message: 'Away' },
    });
    const pages: Array<[string, TestPerson, string]> = [
      ['/actions', pat, 'my-objectives-heading'],
      ['/notifications', people.facilitator, 'notifications'],
      [`/sets/${setId}/edit`, people.facilitator, 'lifecycle'],
      [`/sets/${setId}`, people.facilitator, 'attendance-record'],
      [`/sets/${setId}`, pat, 'my-attendance'],
      [`/sets/${setId}/log`, pat, 'log-entries'],
    ];
    for (const width of [1280, 320]) {
      for (const [path, person, ready] of pages) {
        const watched = await open(path, person, { viewport: { width, height: 900 } });
        await expect
          .poll(() => watched.page.locator(`[data-testid="${ready}"], #${ready}`).count(), POLL)
          .toBeGreaterThan(0);
        expect(await axeViolations(watched.page), `${path} at ${width}px`).toEqual([]);
        if (width === 320)
          expect(await sidewaysOverflow(watched.page), path).toBeLessThanOrEqual(0);
        await expectNoProblems(watched);
        await watched.context.close();
      }
    }
  }, 300_000);
});

/**
 * The small frictions a newcomer met (issue 17), in real Chromium against the built client and
 * a real server: invitations that cannot be mixed up [AT-PO1], carets only where their person may
 * write and gone when they leave [AT-PO2], the rules each page keeps at phone and desk widths
 * [AT-PO3], axe on every page changed [AT-PO4], and each role asked only what applies [AT-PO5].
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createSet, invite, type TestPerson } from '../support/actors.js';
import { connectBoard } from '../support/board-client.js';
import { ManualClock } from '../support/manual-clock.js';
import { FIRST_MEETING_STARTS_AT, MINUTE_MS } from '../support/meeting-set.js';
import { chromiumForSuite } from '../support/services.js';
import { meetingAtPresenting, type SlotMeeting } from '../support/slot-meeting.js';
import {
  axeViolations,
  expectNoProblems,
  openWatchedPage,
  POLL,
  type WatchedPage,
} from './browser.js';
import { browserSuite } from './browser-suite.js';

const chromium = chromiumForSuite('Frictions end-to-end');
const SCREENSHOTS = mkdtempSync(path.join(os.tmpdir(), 'setboard-frictions-'));
const WIDE = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 800 };
const NARROW = { width: 320, height: 700 };
/** A caret must be gone this soon after its person leaves. */
const LEAVE_MS = 5_000;

function issueOf(page: Page) {
  return page.getByRole('textbox', { name: 'Issue statement', exact: true });
}

/** The most "cannot write" notices any one section of the page has (notices of nested ones apart). */
function mostLockNoticesInOneSection(page: Page): Promise<number> {
  return page.evaluate(() => {
    const notices = document.querySelectorAll(
      '.app-editor__locked, [data-testid="section-lock"], [data-testid="locked-reason"]',
    );
    const perSection = new Map<Element | null, number>();
    for (const notice of Array.from(notices)) {
      const section = notice.closest('section');
      perSection.set(section, (perSection.get(section) ?? 0) + 1);
    }
    return Math.max(0, ...perSection.values());
  });
}

/** How many things on the page speak about the connection. */
function connectionIndicators(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      document.querySelectorAll(
        '[data-testid="connection-indicator"], [data-testid="board-connection"]',
      ).length,
  );
}

/** Summary-list keys in the first person ("What I will do") inside `testId` blocks. */
function firstPersonKeys(page: Page, testId: string): Promise<string[]> {
  return page.evaluate((id) => {
    const keys = document.querySelectorAll(`[data-testid="${id}"] .nhsuk-summary-list__key`);
    return Array.from(keys)
      .map((key) => key.textContent ?? '')
      .filter((text) => /\b(I|my|me)\b/.test(text));
  }, testId);
}

describe.skipIf(!chromium.available)('Frictions end-to-end', () => {
  // Inside the first meeting's lobby window: every set made here can open its first meeting.
  const clock = new ManualClock(FIRST_MEETING_STARTS_AT - 5 * MINUTE_MS);
  const suite = browserSuite({ clock });
  const open = (pathname: string, person: TestPerson, viewport = WIDE) =>
    suite.open(pathname, person, { viewport });
  const slotPath = (meeting: SlotMeeting) =>
    `/sets/${meeting.people.set.id}/meetings/0/slots/${meeting.slotId}`;

  async function openBoard(meeting: SlotMeeting, person: TestPerson, viewport = WIDE) {
    const watched = await open(slotPath(meeting), person, viewport);
    const questions = watched.page.getByRole('region', { name: 'Questions', exact: true });
    await expect.poll(() => questions.getAttribute('aria-busy'), POLL).toBe('false');
    return watched;
  }

  it('[AT-PO1] a facilitator invitation, then three member ones: each shows its role, only the link copied last says Copied, the clipboard holds it, the role resets, and a facilitator invitation needs confirming', async () => {
    const set = await createSet(suite.server.url, suite.organiser);
    const organiser = await open(`/sets/${set.id}`, suite.organiser);
    const { page } = organiser;
    await organiser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: suite.server.url,
    });
    const memberRole = page.getByRole('radio', { name: 'Set member', exact: true });
    const facilitatorRole = page.getByRole('radio', { name: 'Facilitator', exact: true });
    const links = page.getByTestId('new-link');
    const copied = page.getByRole('status').filter({ hasText: 'Copied' });
    const create = page.getByRole('button', { name: 'Create invitation link' });

    // A facilitator invitation asks first; going back makes nothing.
    await expect.poll(() => memberRole.isChecked(), POLL).toBe(true);
    await facilitatorRole.check();
    await page.getByLabel('Note (optional)').fill('For Fran');
    await create.click();
    const confirm = page.getByTestId('confirm-facilitator');
    await expect.poll(() => confirm.isVisible(), POLL).toBe(true);
    await page.getByRole('button', { name: 'No, go back' }).click();
    expect(await links.count()).toBe(0);
    expect(await facilitatorRole.isChecked()).toBe(true);
    await create.click();
    await page.getByRole('button', { name: 'Yes, invite them as facilitator' }).click();
    await expect.poll(() => links.count(), POLL).toBe(1);
    const facilitatorLink = links.filter({ hasText: 'For: For Fran' });
    expect(await facilitatorLink.getAttribute('data-kind')).toBe('facilitator');
    expect(await facilitatorLink.innerText()).toContain('Facilitator invitation link');
    expect(await facilitatorLink.innerText()).toContain('For: For Fran');
    // After each link the role is back on the least powerful choice.
    expect(await memberRole.isChecked()).toBe(true);
    await facilitatorLink.getByRole('button', { name: /^Copy/ }).click();
    const facilitatorUrl = await facilitatorLink.getByRole('textbox').inputValue();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()), POLL)
      .toBe(facilitatorUrl);
    expect(await facilitatorLink.getByRole('status').innerText()).toContain('Copied');

    // Three member links: each made as a member link, each with its own note beside it.
    for (const name of ['Asha', 'Ben', 'Cai']) {
      await page.getByLabel('Note (optional)').fill(`For ${name}`);
      await create.click();
      await expect.poll(() => links.first().innerText(), POLL).toContain(`For: For ${name}`);
      expect(await links.first().getAttribute('data-kind')).toBe('member');
      expect(await links.first().innerText()).toContain('Set member invitation link');
      expect(await memberRole.isChecked()).toBe(true);
    }
    expect(await links.count()).toBe(4);
    // "Copied" still belongs to the facilitator's link, the one in the clipboard…
    expect(await copied.count()).toBe(1);
    expect(await facilitatorLink.getByRole('status').innerText()).toContain('Copied');

    // …until Ben's is copied: then only Ben's says so, and the clipboard holds Ben's.
    const ben = links.filter({ hasText: 'For: For Ben' });
    await ben.getByRole('button', { name: /^Copy/ }).click();
    const benUrl = await ben.getByRole('textbox').inputValue();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), POLL).toBe(benUrl);
    await expect.poll(() => ben.getByRole('status').innerText(), POLL).toContain('Copied');
    expect(await copied.count()).toBe(1);
    expect(await facilitatorLink.getByText('Copied').count()).toBe(0);
    expect(benUrl).not.toBe(facilitatorUrl);

    // The links table says what each is.
    const table = page.getByTestId('links-table');
    await expect.poll(() => table.innerText(), POLL).toContain('For Cai');
    expect(await table.innerText()).toContain('Facilitator invitation');

    // Declining asks first too.
    const invitee = await suite.browser.newContext();
    const decider = await invitee.newPage();
    await decider.goto(benUrl.replace(/^https?:\/\/[^/]+/, suite.server.url));
    await decider.getByRole('button', { name: 'Decline invitation' }).click();
    await expect.poll(() => decider.getByTestId('confirm-decline').isVisible(), POLL).toBe(true);
    await decider.getByRole('button', { name: 'No, go back' }).click();
    expect(await decider.getByTestId('confirm-decline').count()).toBe(0);
    await decider.getByRole('button', { name: 'Decline invitation' }).click();
    await decider.getByRole('button', { name: 'Yes, decline the invitation' }).click();
    await expect
      .poll(() => decider.getByRole('heading', { level: 1 }).textContent(), POLL)
      .toBe('You have declined the invitation');
    await invitee.close();
    await expectNoProblems(organiser);
  }, 120_000);

  it('[AT-PO5] only a member is asked their band; the facilitator has no "Your objectives" on the set board', async () => {
    const set = await createSet(suite.server.url, suite.organiser);
    const local = (url: string) => url.replace(/^https?:\/\/[^/]+/, suite.server.url);
    const bandChoice = (page: Page) => page.getByRole('radio', { name: 'Band 8b', exact: true });

    /** Opens an invitation as a newcomer and accepts it; `band` only if the page asks. */
    async function join(url: string, name: string, band: string | null) {
      const watched = await openWatchedPage(suite.browser, local(url));
      const { page } = watched;
      const accept = page.getByRole('button', { name: 'Accept invitation' });
      await expect.poll(() => accept.isVisible(), POLL).toBe(true);
      expect(await page.getByText('Band', { exact: true }).count()).toBe(band ? 1 : 0);
      expect(await bandChoice(page).count()).toBe(band ? 1 : 0);
      await page.getByLabel('Full name').fill(name);
      await page.getByLabel('Organisation').fill(`${name}’s Trust`);
      await page.getByLabel('Job title').fill('Head of Service');
      if (band) {
        // Sent without one, a member's form says what is missing.
        await accept.click();
        await expect
          .poll(() => page.getByTestId('error-summary').innerText(), POLL)
          .toContain('Choose a band');
        await page.getByRole('radio', { name: band, exact: true }).check();
      }
      await accept.click();
      await expect.poll(() => new URL(page.url()).pathname, POLL).toBe(`/sets/${set.id}`);
      return watched;
    }

    const facilitator = await join(
      await invite(suite.server.url, suite.organiser, set.id, 'facilitator'),
      'Fran Facilitator',
      null,
    );
    const member = await join(
      await invite(suite.server.url, suite.organiser, set.id),
      'Mo Member',
      'Band 8a',
    );

    // The set board: the member has their own objectives; the facilitator reads the members'.
    for (const [watched, isMember] of [
      [member, true],
      [facilitator, false],
    ] as const) {
      await watched.page.goto(`${suite.server.url}/sets/${set.id}/board`);
      const objectives = watched.page.getByRole('heading', { name: 'Objectives', exact: true });
      await expect.poll(() => objectives.count(), POLL).toBe(1);
      const ownHeading = watched.page.getByRole('heading', { name: 'Your objectives' });
      const membersOnes = watched.page.getByTestId(
        isMember ? 'my-objectives' : 'others-objectives',
      );
      await expect.poll(() => membersOnes.count(), POLL).toBeGreaterThan(0);
      expect(await ownHeading.count()).toBe(isMember ? 1 : 0);
    }

    // The organiser's members table: the member's band, and none asked of the facilitator.
    const organiser = await open(`/sets/${set.id}`, suite.organiser);
    const rows = organiser.page.getByTestId('members').getByRole('row');
    await expect
      .poll(() => rows.filter({ hasText: 'Mo Member' }).innerText(), POLL)
      .toContain('Band 8a');
    expect(await rows.filter({ hasText: 'Fran Facilitator' }).innerText()).toContain('Not asked');
    await expectNoProblems(facilitator, member, organiser);
  }, 120_000);

  it('[AT-PO2] a read-only viewer’s caret is never sent or drawn in another person’s field, and a caret goes within 5 s of its person leaving', async () => {
    const meeting = await slotMeeting();
    const [presenterPerson, memberPerson] = meeting.people.members as [TestPerson, TestPerson];
    // Someone else with the board open records every awareness state the server relays.
    const observer = connectBoard(
      suite.server.url,
      `slot:${meeting.slotId}`,
      meeting.people.facilitator,
    );
    const cursorsOf = new Map<string, unknown[]>();
    const memberClients = new Set<number>();
    observer.provider.awareness.on('change', () => {
      for (const [clientId, state] of observer.provider.awareness.getStates()) {
        const user = (state as { user?: { id?: string } }).user;
        if (!user?.id) continue;
        if (user.id === memberPerson.personId) memberClients.add(clientId);
        const cursor = (state as { cursor?: unknown }).cursor;
        if (cursor) cursorsOf.set(user.id, [...(cursorsOf.get(user.id) ?? []), cursor]);
      }
    });

    const presenter = await openBoard(meeting, presenterPerson);
    // Any caret of the member drawn in the presenter's page, ever, is recorded there.
    await presenter.page.evaluate((memberId) => {
      const seen: string[] = [];
      (window as unknown as { __memberCarets: string[] }).__memberCarets = seen;
      new MutationObserver(() => {
        if (document.querySelector(`.app-caret[data-caret-person="${memberId}"]`)) seen.push('x');
      }).observe(document.body, { subtree: true, childList: true });
    }, memberPerson.personId);
    await issueOf(presenter.page).click();
    await presenter.page.keyboard.type('Two rotas, one team.');

    const member = await openBoard(meeting, memberPerson);
    // The member sees the presenter's caret, named beside the field (not over the text).
    const presenterCaret = member.page.locator(
      `#issue-statement .app-caret[data-caret-person="${presenterPerson.personId}"]`,
    );
    await presenter.page.keyboard.type(' Soon.');
    await expect.poll(() => presenterCaret.count(), POLL).toBe(1);
    await expect
      .poll(() => member.page.getByTestId('caret-people').first().innerText(), POLL)
      .toContain(presenterPerson.name);
    // The caret itself carries no name over the text.
    expect((await presenterCaret.innerText()).replace(/[\u2060\s]/g, '')).toBe('');

    // The member reads the locked issue: clicks into it and selects words.
    const locked = issueOf(member.page);
    expect(await locked.getAttribute('aria-readonly')).toBe('true');
    await locked.click();
    await member.page.keyboard.press('Shift+Home');
    await issueOf(member.page).press('End');
    await member.page.getByRole('textbox', { name: 'The outcome wanted' }).click();

    // The member leaves: everything their page sent arrived before the server saw them go.
    await expect.poll(() => memberClients.size, POLL).toBeGreaterThan(0);
    await member.context.close();
    await expect
      .poll(
        () =>
          [...memberClients].filter((id) => observer.provider.awareness.getStates().has(id)).length,
        POLL,
      )
      .toBe(0);
    expect(cursorsOf.get(memberPerson.personId) ?? []).toEqual([]);
    // The recording works: the presenter's caret was seen.
    expect(cursorsOf.get(presenterPerson.personId)?.length).toBeGreaterThan(0);
    expect(
      await presenter.page.evaluate(
        () => (window as unknown as { __memberCarets: string[] }).__memberCarets.length,
      ),
    ).toBe(0);

    // A caret goes within 5 s of its person leaving.
    const watcher = await openBoard(meeting, memberPerson);
    const caret = watcher.page.locator(
      `.app-caret[data-caret-person="${presenterPerson.personId}"]`,
    );
    await presenter.page.keyboard.type(' Still here.');
    await expect.poll(() => caret.count(), POLL).toBe(1);
    await presenter.context.close();
    await expect.poll(() => caret.count(), { timeout: LEAVE_MS }).toBe(0);
    expect(await watcher.page.getByTestId('caret-people').count()).toBe(0);
    observer.provider.destroy();
    await expectNoProblems(watcher);
  }, 120_000);

  async function slotMeeting(): Promise<SlotMeeting> {
    return meetingAtPresenting(suite.server.url, suite.organiser, 2);
  }

  /** The presenter's action, written to the slot board as the presenter's editor would. */
  async function addPresenterAction(meeting: SlotMeeting): Promise<void> {
    const [presenterPerson] = meeting.people.members as [TestPerson];
    const board = connectBoard(suite.server.url, `slot:${meeting.slotId}`, presenterPerson);
    await board.waitUntil(() => board.provider.synced, 'synced');
    board.doc.transact(() => {
      const record = new Y.Map<unknown>();
      const fields = {
        what: 'Meet both rota leads together',
        intendedOutcome: 'One rota both teams accept',
        howWillIKnow: '',
        due: '2027-12-14',
        status: 'committed',
        statusNote: '',
        createdAt: FIRST_MEETING_STARTS_AT,
      };
      for (const [key, value] of Object.entries(fields)) record.set(key, value);
      board.doc.getMap('actions').set('action-one', record);
    });
    // Stored once a fresh connection is given it by the server.
    const check = connectBoard(suite.server.url, `slot:${meeting.slotId}`, presenterPerson);
    await check.waitUntil((doc) => doc.getMap('actions').has('action-one'), 'the action stored');
    check.provider.destroy();
    board.provider.destroy();
  }

  it('[AT-PO3] the set page, slot board and My sets at 375 and 1280 px: one connection indicator, no first-person labels on another’s action, one "cannot write" notice per section', async () => {
    const meeting = await slotMeeting();
    await addPresenterAction(meeting);
    const [presenterPerson, memberPerson] = meeting.people.members as [TestPerson, TestPerson];
    for (const [label, viewport] of [
      ['phone', PHONE],
      ['desk', WIDE],
    ] as const) {
      const board = await openBoard(meeting, memberPerson, viewport);
      const actions = board.page.getByTestId('action-summary');
      await expect.poll(() => actions.count(), POLL).toBe(1);
      await expect
        .poll(() => board.page.getByTestId('connection-message').textContent(), POLL)
        .toBe('Connected');
      expect(await connectionIndicators(board.page)).toBe(1);
      expect(await firstPersonKeys(board.page, 'action-summary')).toEqual([]);
      expect(await actions.innerText()).toContain(`What ${presenterPerson.name} will do`);
      // Empty fields are left out, not shown as "Not given".
      expect(await actions.innerText()).not.toContain('Not given');
      expect(await actions.innerText()).not.toContain('learned');
      expect(await mostLockNoticesInOneSection(board.page)).toBe(1);
      await board.page.screenshot({
        path: path.join(SCREENSHOTS, `slot-board-${label}.png`),
        fullPage: true,
      });

      const setPage = await open(`/sets/${meeting.people.set.id}`, memberPerson, viewport);
      await expect
        .poll(() => setPage.page.getByTestId('meeting-rooms').innerText(), POLL)
        .toMatch(/Live now/);
      expect(await connectionIndicators(setPage.page)).toBe(1);
      expect(await mostLockNoticesInOneSection(setPage.page)).toBeLessThanOrEqual(1);
      // One control per meeting room: the live meeting is a "join" button, not a link and a button.
      const rooms = setPage.page.getByTestId('meeting-rooms').getByRole('listitem').first();
      expect(await rooms.getByRole('link').count()).toBe(1);
      expect(await rooms.getByRole('button').count()).toBe(0);
      await setPage.page.screenshot({
        path: path.join(SCREENSHOTS, `set-page-${label}.png`),
        fullPage: true,
      });

      const home = await open('/', memberPerson, viewport);
      const join = home.page.getByRole('link', { name: /^Join meeting 1/ });
      await expect.poll(() => join.count(), POLL).toBe(1);
      expect(await connectionIndicators(home.page)).toBe(1);
      await home.page.screenshot({
        path: path.join(SCREENSHOTS, `my-sets-${label}.png`),
        fullPage: true,
      });
      await expectNoProblems(board, setPage, home);
    }
  }, 240_000);

  it('[AT-PO4] axe finds nothing on the changed pages at 1280 and 320 px', async () => {
    const meeting = await slotMeeting();
    await addPresenterAction(meeting);
    const [presenterPerson, memberPerson] = meeting.people.members as [TestPerson, TestPerson];
    const setId = meeting.people.set.id;
    const pages: Array<[string, TestPerson, string]> = [
      [`/sets/${setId}`, suite.organiser, 'invitations'],
      [`/sets/${setId}`, meeting.people.facilitator, 'members'],
      [`/sets/${setId}`, memberPerson, 'meeting-rooms'],
      [slotPath(meeting), memberPerson, 'action-summary'],
      [slotPath(meeting), presenterPerson, 'action-summary'],
      [`/sets/${setId}/board`, memberPerson, 'others-objectives'],
      [`/sets/${setId}/board`, meeting.people.facilitator, 'others-objectives'],
      [`/sets/${setId}/meetings/0/board`, memberPerson, 'round-cards'],
      ['/', memberPerson, 'my-sets'],
      ['/organiser', suite.organiser, 'organiser-invitations'],
    ];
    const found: string[] = [];
    for (const viewport of [WIDE, NARROW]) {
      for (const [pathname, person, ready] of pages) {
        const watched: WatchedPage = await open(pathname, person, viewport);
        await expect.poll(() => watched.page.getByTestId(ready).count(), POLL).toBeGreaterThan(0);
        for (const id of await axeViolations(watched.page)) {
          found.push(`${pathname} as ${person.name} at ${viewport.width}px: ${id}`);
        }
        await watched.context.close();
      }
    }
    expect(found).toEqual([]);
    // The facilitator's confirmation step and the links made are on the page too.
    const organiser = await open(`/sets/${setId}`, suite.organiser, NARROW);
    await organiser.page.getByRole('radio', { name: 'Facilitator', exact: true }).check();
    await organiser.page.getByRole('button', { name: 'Create invitation link' }).click();
    await expect
      .poll(() => organiser.page.getByTestId('confirm-facilitator').count(), POLL)
      .toBe(1);
    for (const id of await axeViolations(organiser.page)) found.push(`confirm step: ${id}`);
    await organiser.page.getByRole('button', { name: 'No, go back' }).click();
    await organiser.page.getByRole('radio', { name: 'Set member', exact: true }).check();
    await organiser.page.getByRole('button', { name: 'Create invitation link' }).click();
    await expect.poll(() => organiser.page.getByTestId('new-link').count(), POLL).toBe(1);
    for (const id of await axeViolations(organiser.page)) found.push(`made links: ${id}`);
    expect(found).toEqual([]);
  }, 400_000);
});

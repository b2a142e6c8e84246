/**
 * [AT-RX1] Erasure reaches browsers' local copies (docs/privacy.md, docs/protocol.md Y14, Y18):
 * a member types a canary into their reflections while offline, so it sits in this browser's
 * IndexedDB before it reaches the server; the presenter's browser keeps its own copy of the
 * board. The member erases their account: their browser holds nothing of the set any more, and
 * the presenter's browser drops its copy of the rebuilt board on their next visit to any page —
 * without opening the board.
 */
import * as Y from 'yjs';
import { personalRoot } from '@setboard/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestPerson } from '../support/actors.js';
import { proseOf } from '../support/board-client.js';
import { ManualClock } from '../support/manual-clock.js';
import { FIRST_MEETING_STARTS_AT, MINUTE_MS } from '../support/meeting-set.js';
import { chromiumForSuite } from '../support/services.js';
import { meetingAtReflectingBack } from '../support/slot-meeting.js';
import { expectNoProblems, POLL } from './browser.js';
import { canaryCountIn } from './browser-local-copies.js';
import { browserSuite } from './browser-suite.js';

const chromium = chromiumForSuite('Erasure reaches local copies');

const CANARY = 'canary-7f3a9c-local-copy';

function connectionTone(page: Page): Promise<string | null> {
  return page.getByTestId('connection-indicator').getAttribute('data-tone');
}

describe.skipIf(!chromium.available)('Erasure reaches local copies', () => {
  const clock = new ManualClock(FIRST_MEETING_STARTS_AT - 5 * MINUTE_MS);
  const suite = browserSuite({ clock });

  it('[AT-RX1] a canary typed offline is gone from every browser copy after erasure: the eraser’s at once, another member’s on their next visit', async () => {
    const meeting = await meetingAtReflectingBack(suite.server.url, suite.organiser, 2);
    const [pat, mo] = meeting.people.members as [TestPerson, TestPerson];
    const docName = `slot:${meeting.slotId}`;
    const boardPath = `/sets/${meeting.people.set.id}/meetings/0/slots/${meeting.slotId}`;
    const storedReflections = async () => {
      const doc = new Y.Doc();
      for (const update of (await suite.server.store.loadDoc(docName)).updates) {
        Y.applyUpdate(doc, update);
      }
      return proseOf(doc, personalRoot('reflections', mo.personId));
    };

    // Mo types the canary offline: it is in Mo's browser before the server has it.
    const member = await suite.open(boardPath, mo);
    const reflections = member.page.getByRole('textbox', { name: 'Your reflections', exact: true });
    await expect.poll(() => reflections.isEditable(), POLL).toBe(true);
    await expect.poll(() => connectionTone(member.page), POLL).toBe('connected');
    await member.context.setOffline(true);
    await expect.poll(() => connectionTone(member.page), POLL).toBe('offline');
    await reflections.click();
    await member.page.keyboard.type(`I noticed ${CANARY} in what you said.`);
    await expect.poll(() => canaryCountIn(member.page, CANARY), POLL).toBeGreaterThan(0);
    await member.context.setOffline(false);
    await expect.poll(storedReflections, POLL).toContain(CANARY);

    // Pat, the presenter, reads it on their board: Pat's browser keeps a copy with it.
    const presenter = await suite.open(boardPath, pat);
    await expect.poll(() => presenter.page.getByText(CANARY).count(), POLL).toBeGreaterThan(0);
    await expect.poll(() => canaryCountIn(presenter.page, CANARY), POLL).toBeGreaterThan(0);
    // Pat leaves the board before the erasure, so no open connection tells Pat's page of it.
    await presenter.page.goto(`${suite.server.url}/my-actions`);
    await expect.poll(() => presenter.page.locator('h1').count(), POLL).toBe(1);
    expect(await canaryCountIn(presenter.page, CANARY)).toBeGreaterThan(0);

    // Mo erases their account from this browser: nothing of it stays here.
    await member.page.goto(`${suite.server.url}/my-data`);
    await member.page.getByLabel('I understand my account').check();
    await member.page.getByRole('button', { name: 'Erase my account' }).click();
    await expect.poll(() => member.page.url(), POLL).toBe(`${suite.server.url}/`);
    await expect.poll(() => canaryCountIn(member.page, CANARY), POLL).toBe(0);
    expect(await storedReflections()).toBe('');

    // Pat's next visit to any page drops the copy of the rebuilt board.
    await presenter.page.goto(`${suite.server.url}/`);
    await expect.poll(() => canaryCountIn(presenter.page, CANARY), POLL).toBe(0);
    // And the board itself shows nothing of it.
    await presenter.page.goto(`${suite.server.url}${boardPath}`);
    await expect.poll(() => connectionTone(presenter.page), POLL).toBe('connected');
    expect(await presenter.page.getByText(CANARY).count()).toBe(0);
    expect(await canaryCountIn(presenter.page, CANARY)).toBe(0);
    await expectNoProblems(member, presenter);
  });
});

/**
 * [AT-RS1] A full board in Chromium (docs/protocol.md Y22): a member fills the set board until
 * the server refuses more; the facilitator hears of it in their notifications, follows the link
 * to the board, and rebuilds it from there — a confirm step first, then a reload — after which
 * the board shows what it held and takes writing again. The page passes axe and fits 320 px.
 */
import { describe, expect, it, vi } from 'vitest';
import { YjsCloseCode } from '@setboard/shared';
import { connectBoard } from '../support/board-client.js';
import { chromiumForSuite } from '../support/services.js';
import { axeViolations, expectNoProblems, POLL, sidewaysOverflow } from './browser.js';
import { browserSuite } from './browser-suite.js';

const chromium = chromiumForSuite('Rebuilding a full board end-to-end');

/** Small enough to fill in a few messages; one person may fill it alone. */
const BOARD_LIMITS = { sizeBytes: 64 * 1024, perPersonPerDayBytes: 1024 * 1024 };

describe.skipIf(!chromium.available)('Rebuilding a full board end-to-end', () => {
  const suite = browserSuite({ boardLimits: BOARD_LIMITS });

  it('[AT-RS1] a member fills the set board; the facilitator is told, rebuilds it after confirming, and it is writable again', async () => {
    const { set, facilitator, members } = await suite.newSet(1);
    const docName = `set:${set.id}`;
    const writer = connectBoard(suite.server.url, docName, members[0]!);
    const closes: number[] = [];
    writer.provider.on('connection-close', (event) => closes.push(event?.code ?? 0));
    await writer.synced();
    for (let chunk = 0; chunk < 20 && !closes.includes(YjsCloseCode.boardFull); chunk++) {
      writer.text.insert(writer.text.length, `${'Notes kept over a long year. '.repeat(300)}\n`);
      await vi.waitFor(
        async () => {
          const stored = (await suite.server.store.loadDoc(docName)).updates.length;
          expect(closes.includes(YjsCloseCode.boardFull) || stored > chunk).toBe(true);
        },
        { timeout: 10_000, interval: 20 },
      );
    }
    expect(closes).toContain(YjsCloseCode.boardFull);

    // The facilitator's notifications say so and link to the board.
    const page = await suite.open('/notifications', facilitator);
    const link = page.page.getByRole('link', { name: /is full and cannot take more writing/ });
    await expect.poll(() => link.count(), POLL).toBe(1);
    await link.click();
    await expect.poll(() => page.page.url(), POLL).toContain(`/sets/${set.id}/board`);

    // On the board: rebuilding needs the box ticked.
    const details = page.page.getByText('Is this board full or slow?');
    await expect.poll(() => details.count(), POLL).toBe(1);
    await details.click();
    const rebuild = page.page.getByRole('button', { name: 'Rebuild this board' });
    await rebuild.click();
    await expect
      .poll(() => page.page.getByRole('alert').filter({ hasText: 'Tick the box' }).count(), POLL)
      .toBe(1);
    for (const width of [1280, 320]) {
      await page.page.setViewportSize({ width, height: 900 });
      expect(await axeViolations(page.page)).toEqual([]);
      expect(await sidewaysOverflow(page.page)).toBe(0);
      await page.page.screenshot({ path: `/tmp/board-rebuild-${width}.png`, fullPage: true });
    }
    await page.page.getByLabel('I understand everyone’s page will reload').check();
    await rebuild.click();
    const reload = page.page.getByRole('button', { name: 'Reload the page' });
    await expect.poll(() => reload.count(), POLL).toBe(1);
    await reload.click();

    // Rebuilt: the notes are all there, and the board takes writing again.
    const again = connectBoard(suite.server.url, docName, members[0]!);
    await again.synced();
    expect(again.text.toString()).toContain('Notes kept over a long year.');
    again.text.insert(0, 'Written after the rebuild. ');
    await vi.waitFor(
      async () => {
        const { updates } = await suite.server.store.loadDoc(docName);
        const stored = updates.some((update) =>
          Buffer.from(update).includes('Written after the rebuild.'),
        );
        expect(stored).toBe(true);
      },
      { timeout: 10_000, interval: 20 },
    );
    await expect
      .poll(() => page.page.getByTestId('connection-indicator').getAttribute('data-tone'), POLL)
      .toBe('connected');
    await expectNoProblems(page);
  });
});

/**
 * The foundation's spine, end to end: the built client, served by a real server with its real
 * CSP, in real Chromium, syncing a Yjs doc through the real /yjs endpoint.
 */
import { PROTOCOL_VERSION, YjsCloseCode } from '@setboard/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumForSuite } from '../support/services.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { launchChromium, openWatchedPage, problemsOf, type WatchedPage } from './browser.js';

const chromium = chromiumForSuite('Spine end-to-end');

/** Generous: a cold Chromium on a 2-core CI machine; polls return as soon as the state holds. */
const SYNC_TIMEOUT_MS = 15_000;
const poll = { timeout: SYNC_TIMEOUT_MS };

/** The status line's texts (client/src/realtime/describe-connection.ts). */
const OUT_OF_DATE = 'This page is out of date — please reload';
const OFFLINE = 'Offline — your changes will sync when you reconnect';

function notesOf(watched: WatchedPage) {
  return watched.page.getByLabel('Shared notes');
}

async function expectNoProblems(...pages: WatchedPage[]): Promise<void> {
  for (const watched of pages) expect(await problemsOf(watched)).toEqual([]);
}

function statusOf(watched: WatchedPage) {
  return watched.page.getByTestId('connection-message');
}

async function waitUntilConnected(watched: WatchedPage): Promise<void> {
  await expect.poll(() => statusOf(watched).textContent(), poll).toBe('Connected');
}

/**
 * Rewrites the Socket.IO CONNECT packet (`40{auth}`) so the page claims another protocol
 * version, as a page left open across a deployment would. Counts the page's attempts and
 * notes when the page itself closes the connection.
 */
function claimAnotherProtocolVersion(
  page: Page,
  seen: { attempts: number; closedByPage: boolean },
) {
  return page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const text = message.toString();
      if (!text.startsWith('40')) return server.send(message);
      seen.attempts += 1;
      const auth = `"protocolVersion":${PROTOCOL_VERSION}`;
      server.send(text.replace(auth, `"protocolVersion":${PROTOCOL_VERSION + 1}`));
    });
    ws.onClose((code, reason) => {
      seen.closedByPage = true;
      server.close({ code, reason });
    });
  });
}

describe.skipIf(!chromium.available)('Spine end-to-end', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await startTestServer({ clientDistDir: inject('clientDistDir') });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openSpine(): Promise<WatchedPage> {
    if (!browser || !server) throw new Error('beforeAll did not start the browser and server');
    const watched = await openWatchedPage(browser, server.url);
    // The page is only proof of anything if it ran under the strict policy.
    expect(watched.headers['content-security-policy']).toContain("script-src 'self'");
    await waitUntilConnected(watched);
    return watched;
  }

  it("[A6] two browser contexts edit the shared text and each sees the other's typing", async () => {
    const a = await openSpine();
    const b = await openSpine();

    await notesOf(a).pressSequentially('Hello from A');
    await expect.poll(() => notesOf(b).inputValue(), poll).toBe('Hello from A');

    await notesOf(b).focus();
    await b.page.keyboard.press('Control+End');
    await b.page.keyboard.type(', and hello from B');
    const both = 'Hello from A, and hello from B';
    await expect.poll(() => notesOf(a).inputValue(), poll).toBe(both);
    expect(await notesOf(b).inputValue()).toBe(both);

    await expectNoProblems(a, b);
  });

  it('a remote edit before the caret keeps the caret on the same character', async () => {
    const a = await openSpine();
    const b = await openSpine();
    await notesOf(a).focus();
    await a.page.keyboard.press('Control+A');
    await a.page.keyboard.type('one two three');
    await expect.poll(() => notesOf(b).inputValue(), poll).toBe('one two three');

    // A's caret sits just after "one"; B types at the very start.
    await notesOf(a).evaluate((textarea: HTMLTextAreaElement) => textarea.setSelectionRange(3, 3));
    await notesOf(b).focus();
    await b.page.keyboard.press('Control+Home');
    await b.page.keyboard.type('zero ');
    await expect.poll(() => notesOf(a).inputValue(), poll).toBe('zero one two three');

    // A carries on typing where they were: after "one", not at the old index or the end.
    await a.page.keyboard.type(',');
    const expected = 'zero one, two three';
    await expect.poll(() => notesOf(b).inputValue(), poll).toBe(expected);
    expect(await notesOf(a).inputValue()).toBe(expected);
    await expectNoProblems(a, b);
  });

  it('each page lists the other by name and shows the measured server clock offset', async () => {
    const a = await openSpine();
    const b = await openSpine();
    const aName = await a.page.getByTestId('presence-self').textContent();
    const bName = await b.page.getByTestId('presence-self').textContent();

    await expect
      .poll(() => b.page.getByTestId('presence-list').innerText(), poll)
      .toContain(aName ?? '?');
    await expect
      .poll(() => a.page.getByTestId('presence-list').innerText(), poll)
      .toContain(bName ?? '?');
    await expect
      .poll(() => a.page.getByTestId('clock-offset').getAttribute('data-state'), poll)
      .toBe('measured');
    await expectNoProblems(a, b);
  });

  it('the page reflows at 320 CSS pixels without sideways scrolling (WCAG 1.4.10)', async () => {
    const a = await openSpine();
    await a.page.setViewportSize({ width: 320, height: 640 });
    const overflow = await a.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expect.poll(() => notesOf(a).isVisible(), poll).toBe(true);
    await expectNoProblems(a);
  });

  it('[H1] a page built for another protocol version says it is out of date and stops retrying', async () => {
    if (!browser || !server) throw new Error('beforeAll did not start the browser and server');
    const seen = { attempts: 0, closedByPage: false };
    const a = await openWatchedPage(browser, server.url, {
      prepare: (page) => claimAnotherProtocolVersion(page, seen),
    });

    await expect.poll(() => statusOf(a).textContent(), poll).toBe(OUT_OF_DATE);
    await expect
      .poll(() => a.page.getByRole('button', { name: 'Reload page' }).isVisible(), poll)
      .toBe(true);
    // The page hangs up itself, after one attempt: nothing is left to retry.
    await expect.poll(() => seen.closedByPage, poll).toBe(true);
    expect(seen.attempts).toBe(1);
    await expectNoProblems(a);
  });

  it('a document closed for good (4403) is explained, offers a reload and stops accepting edits', async () => {
    if (!browser || !server) throw new Error('beforeAll did not start the browser and server');
    let attempts = 0;
    const a = await openWatchedPage(browser, server.url, {
      prepare: (page) =>
        page.routeWebSocket(/\/yjs\//, (ws) => {
          attempts += 1;
          ws.close({ code: YjsCloseCode.forbidden, reason: 'not a member' });
        }),
    });

    await expect.poll(() => statusOf(a).textContent(), poll).toContain('You do not have access');
    expect(await a.page.getByRole('button', { name: 'Reload page' }).isVisible()).toBe(true);
    expect(await notesOf(a).isEditable()).toBe(false);
    expect(attempts).toBe(1);
  });

  it('a server restart shows its notice and Offline, then Connected again once it is back', async () => {
    if (!browser) throw new Error('beforeAll did not start the browser');
    const clientDistDir = inject('clientDistDir');
    const first = await startTestServer({ clientDistDir });
    const a = await openWatchedPage(browser, first.url);
    await waitUntilConnected(a);

    await first.close();
    await expect.poll(() => statusOf(a).textContent(), poll).toBe(OFFLINE);
    const notice = a.page.getByTestId('server-notice');
    expect(await notice.textContent()).toContain('restarting');

    await startTestServer({ clientDistDir, port: first.port });
    await waitUntilConnected(a);
    await expect.poll(() => notice.count(), poll).toBe(0);
  });
});

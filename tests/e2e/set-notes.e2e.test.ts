/**
 * A set's shared notes, end to end: the built client, served by a real server with its real
 * CSP, in real Chromium, syncing the set's Yjs doc through the real /yjs endpoint. The people
 * are made through the HTTP API; each browser context carries one person's session cookie.
 */
import { PROTOCOL_VERSION, YjsCloseCode } from '@setboard/shared';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  callApi,
  setUpOrganiser,
  setWithPeople,
  type TestPerson,
  type TestSet,
} from '../support/actors.js';
import { sqliteBackend } from '../support/backends.js';
import { chromiumForSuite } from '../support/services.js';
import { startTestServer } from '../support/test-server.js';
import {
  sidewaysOverflow,
  type OpenOptions,
  type WatchedPage,
  expectNoProblems,
} from './browser.js';
import { browserSuite } from './browser-suite.js';

const chromium = chromiumForSuite('Set notes end-to-end');

/** Generous: a cold Chromium on a 2-core CI machine; polls return as soon as the state holds. */
const SYNC_TIMEOUT_MS = 15_000;
const POLL = { timeout: SYNC_TIMEOUT_MS };

/** The status line's texts (client/src/realtime/describe-connection.ts). */
const OUT_OF_DATE = 'This page is out of date — please reload';
const OFFLINE = 'Offline — your changes will sync when you reconnect';
const SESSION_ENDED = 'Your session has ended — use your sign-in link again';

function notesOf(watched: WatchedPage) {
  return watched.page.getByLabel('Set notes');
}

function statusOf(watched: WatchedPage) {
  return watched.page.getByTestId('connection-message');
}

async function waitUntilConnected(watched: WatchedPage): Promise<void> {
  await expect.poll(() => statusOf(watched).textContent(), POLL).toBe('Connected');
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

describe.skipIf(!chromium.available)('Set notes end-to-end', () => {
  const suite = browserSuite();
  /** A new set (so its notes start empty) with a facilitator and two members. */
  const newSet = () => suite.newSet();

  /** Opens the set page as `person`; only set members and the facilitator see its notes. */
  const openNotes = (
    set: TestSet,
    person: TestPerson,
    options: Omit<OpenOptions, 'cookie'> & { serverUrl?: string } = {},
  ) => suite.open(`/sets/${set.set.id}`, person, options);

  it("[AT-A6] two set members edit the set notes and each sees the other's typing", async () => {
    const set = await newSet();
    const a = await openNotes(set, set.members[0]!);
    const b = await openNotes(set, set.members[1]!);
    await waitUntilConnected(a);
    await waitUntilConnected(b);

    await notesOf(a).pressSequentially('Hello from A');
    await expect.poll(() => notesOf(b).inputValue(), POLL).toBe('Hello from A');

    await notesOf(b).focus();
    await b.page.keyboard.press('Control+End');
    await b.page.keyboard.type(', and hello from B');
    const both = 'Hello from A, and hello from B';
    await expect.poll(() => notesOf(a).inputValue(), POLL).toBe(both);
    expect(await notesOf(b).inputValue()).toBe(both);

    await expectNoProblems(a, b);
  });

  it('the facilitator and a member share the notes; a reload shows what was saved', async () => {
    const set = await newSet();
    const facilitator = await openNotes(set, set.facilitator);
    const member = await openNotes(set, set.members[0]!);
    await waitUntilConnected(facilitator);
    await waitUntilConnected(member);

    await notesOf(facilitator).pressSequentially('Ground rules agreed.');
    await expect.poll(() => notesOf(member).inputValue(), POLL).toBe('Ground rules agreed.');
    await member.page.reload();
    await waitUntilConnected(member);
    await expect.poll(() => notesOf(member).inputValue(), POLL).toBe('Ground rules agreed.');
    await expectNoProblems(facilitator, member);
  });

  it('a remote edit before the caret keeps the caret on the same character', async () => {
    const set = await newSet();
    const a = await openNotes(set, set.members[0]!);
    const b = await openNotes(set, set.members[1]!);
    await waitUntilConnected(a);
    await waitUntilConnected(b);
    await notesOf(a).focus();
    await a.page.keyboard.press('Control+A');
    await a.page.keyboard.type('one two three');
    await expect.poll(() => notesOf(b).inputValue(), POLL).toBe('one two three');

    // A's caret sits just after "one"; B types at the very start.
    await notesOf(a).evaluate((textarea: HTMLTextAreaElement) => textarea.setSelectionRange(3, 3));
    await notesOf(b).focus();
    await b.page.keyboard.press('Control+Home');
    await b.page.keyboard.type('zero ');
    await expect.poll(() => notesOf(a).inputValue(), POLL).toBe('zero one two three');

    // A carries on typing where they were: after "one", not at the old index or the end.
    await a.page.keyboard.type(',');
    const expected = 'zero one, two three';
    await expect.poll(() => notesOf(b).inputValue(), POLL).toBe(expected);
    expect(await notesOf(a).inputValue()).toBe(expected);
    await expectNoProblems(a, b);
  });

  it('each page lists the other person by their name', async () => {
    const set = await newSet();
    const a = await openNotes(set, set.members[0]!);
    const b = await openNotes(set, set.members[1]!);

    await expect
      .poll(() => a.page.getByTestId('presence-self').textContent(), POLL)
      .toBe('Member 1');
    await expect
      .poll(() => b.page.getByTestId('presence-list').innerText(), POLL)
      .toContain('Member 1');
    await expect
      .poll(() => a.page.getByTestId('presence-list').innerText(), POLL)
      .toContain('Member 2');
    await expectNoProblems(a, b);
  });

  it('the set page reflows at 320 CSS pixels without sideways scrolling (WCAG 1.4.10)', async () => {
    const set = await newSet();
    const a = await openNotes(set, set.members[0]!, { viewport: { width: 320, height: 640 } });
    await waitUntilConnected(a);
    await expect.poll(() => notesOf(a).isVisible(), POLL).toBe(true);
    expect(await sidewaysOverflow(a.page)).toBeLessThanOrEqual(0);
    const facilitator = await openNotes(set, set.facilitator, {
      viewport: { width: 320, height: 640 },
    });
    await expect.poll(() => facilitator.page.getByTestId('members').isVisible(), POLL).toBe(true);
    expect(await sidewaysOverflow(facilitator.page)).toBeLessThanOrEqual(0);
    await expectNoProblems(a, facilitator);
  });

  it('[H1] a page built for another protocol version says it is out of date and stops retrying', async () => {
    const set = await newSet();
    const seen = { attempts: 0, closedByPage: false };
    const a = await openNotes(set, set.members[0]!, {
      prepare: (page) => claimAnotherProtocolVersion(page, seen),
    });

    await expect.poll(() => statusOf(a).textContent(), POLL).toBe(OUT_OF_DATE);
    await expect
      .poll(() => a.page.getByRole('button', { name: 'Reload page' }).isVisible(), POLL)
      .toBe(true);
    // The page hangs up itself, after one attempt: nothing is left to retry.
    await expect.poll(() => seen.closedByPage, POLL).toBe(true);
    expect(seen.attempts).toBe(1);
    await expectNoProblems(a);
  });

  it('a document closed for good (4403) is explained, offers a reload and stops accepting edits', async () => {
    const set = await newSet();
    let attempts = 0;
    const a = await openNotes(set, set.members[0]!, {
      prepare: (page) =>
        page.routeWebSocket(/\/yjs\//, (ws) => {
          attempts += 1;
          ws.close({ code: YjsCloseCode.forbidden, reason: 'not a member' });
        }),
    });

    await expect.poll(() => statusOf(a).textContent(), POLL).toContain('You do not have access');
    await expect
      .poll(() => a.page.getByRole('button', { name: 'Reload page' }).isVisible(), POLL)
      .toBe(true);
    expect(await notesOf(a).isEditable()).toBe(false);
    // One attempt per mount of the notes (the page may mount them twice while the set loads),
    // and none after the permanent close: y-websocket stops for 44xx codes.
    expect(attempts).toBeGreaterThanOrEqual(1);
    expect(attempts).toBeLessThanOrEqual(2);
  });

  it('a member removed from the set is told at once and can no longer edit its notes', async () => {
    const server = suite.server;
    const set = await newSet();
    const removed = set.members[1]!;
    const a = await openNotes(set, removed);
    await waitUntilConnected(a);

    const reply = await callApi(
      server.url,
      'DELETE',
      `/api/sets/${set.set.id}/members/${removed.personId}`,
      { as: set.facilitator },
    );
    expect(reply.status).toBe(200);
    await expect.poll(() => a.page.getByTestId('access-revoked').isVisible(), POLL).toBe(true);
    await expect.poll(() => notesOf(a).isEditable(), POLL).toBe(false);
  });

  it('a session ended elsewhere says to use the sign-in link again, not "Offline"', async () => {
    const server = suite.server;
    const set = await newSet();
    const member = set.members[0]!;
    const a = await openNotes(set, member);
    await waitUntilConnected(a);

    const reply = await callApi(server.url, 'POST', '/api/sign-out', { as: member });
    expect(reply.status).toBe(200);
    await expect.poll(() => statusOf(a).textContent(), POLL).toBe(SESSION_ENDED);
    await expect.poll(() => notesOf(a).isEditable(), POLL).toBe(false);
    expect(await a.page.getByRole('button', { name: 'Reload page' }).count()).toBe(0);
    await expectNoProblems(a);
  });

  it('a server restart shows its notice and Offline, then Connected again once it is back', async () => {
    const clientDistDir = inject('clientDistDir');
    // The same store across the restart, so the session and the set survive it.
    const store = sqliteBackend().openStore();
    const first = await startTestServer({ clientDistDir, store });
    const owner = await setUpOrganiser(first.url, (await first.setupUrl())!);
    const set = await setWithPeople(first.url, null, 1, owner);
    const a = await openNotes(set, set.members[0]!, { serverUrl: first.url });
    await waitUntilConnected(a);

    await first.close();
    await expect.poll(() => statusOf(a).textContent(), POLL).toBe(OFFLINE);
    const notice = a.page.getByTestId('server-notice');
    expect(await notice.textContent()).toContain('restarting');

    await startTestServer({ clientDistDir, store, port: first.port });
    await waitUntilConnected(a);
    await expect.poll(() => notice.count(), POLL).toBe(0);
  });
});

/**
 * Real Chromium for end-to-end tests, driven through playwright-core, plus pages that record
 * every console error, uncaught exception and Content Security Policy violation they see.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { closeWhenTestEnds } from '../support/cleanup.js';
import { CHROMIUM_PATH } from '../support/services.js';

/** Flags that keep a headless Chromium quiet, offline-safe and light on a small CI machine. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors, uncaught exceptions and CSP violations, in the order they happened. */
  problems: string[];
  /** Response headers of the page's HTML. */
  headers: Record<string, string>;
}

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

export interface OpenOptions {
  /** Runs before the page loads, e.g. to route its WebSockets. */
  prepare?: (page: Page) => Promise<void>;
  /** Starts the context with this session cookie (`name=value`), as if signed in already. */
  cookie?: string;
  viewport?: { width: number; height: number };
}

/** Puts a `name=value` session cookie into `context` for `url`'s site. */
export async function addSessionCookie(
  context: BrowserContext,
  url: string,
  cookie: string,
): Promise<void> {
  const separator = cookie.indexOf('=');
  if (separator < 1) throw new Error(`not a name=value cookie: ${cookie}`);
  await context.addCookies([
    {
      name: cookie.slice(0, separator),
      value: cookie.slice(separator + 1),
      url: new URL(url).origin,
      httpOnly: true,
      sameSite: 'Lax',
    },
  ]);
}

/**
 * Opens `url` in a fresh browser context (its own cookies and storage, like another person)
 * and records problems from the first byte. Closed when the current test ends.
 */
export async function openWatchedPage(
  browser: Browser,
  url: string,
  options: OpenOptions = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1024, height: 768 },
  });
  closeWhenTestEnds(() => context.close());
  if (options.cookie) await addSessionCookie(context, url, options.cookie);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  // Init scripts are injected by the browser, not the page, so the CSP does not apply to them.
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations?.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  await options.prepare?.(page);
  const response = await page.goto(url);
  if (!response?.ok()) throw new Error(`GET ${url} answered ${response?.status() ?? 'nothing'}`);
  return { context, page, problems, headers: response.headers() };
}

/** Everything `page` has complained about so far, CSP violations included. */
export async function problemsOf(watched: WatchedPage): Promise<string[]> {
  const violations = await watched.page.evaluate(() => window.__cspViolations ?? []);
  return [...watched.problems, ...violations.map((violation) => `CSP violation: ${violation}`)];
}

/** Fails the test if any page logged an error, a failed request or a CSP violation. */
export async function expectNoProblems(...pages: WatchedPage[]): Promise<void> {
  for (const watched of pages) expect(await problemsOf(watched)).toEqual([]);
}

/** Generous: a cold Chromium on a 2-core CI machine; polls return as soon as the state holds. */
export const POLL = { timeout: 15_000 };

/** How far the page scrolls sideways (WCAG 1.4.10 wants none at 320 CSS pixels). */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** Runs axe (WCAG 2.x and 2.2 A and AA) on the page as it stands; returns the violations' ids. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's strict CSP rightly refuses inline scripts.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (...args: unknown[]) => Promise<{ violations: Array<{ id: string }> }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((violation) => violation.id);
  });
}

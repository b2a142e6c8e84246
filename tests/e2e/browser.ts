/**
 * Real Chromium for end-to-end tests, driven through playwright-core, plus pages that record
 * every console error, uncaught exception and Content Security Policy violation they see.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
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
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  closeWhenTestEnds(() => context.close());
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

/**
 * What an end-to-end suite shares: a real server serving the built client (on a driven clock if
 * the suite gives one), its first organiser, and one Chromium, started before the suite's tests
 * and closed after them. Pages open signed in as a person, each in a browser context of its own.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import type { SetSettings } from '@setboard/shared';
import {
  expectOk,
  setUpOrganiser,
  setWithPeople,
  type TestPerson,
  type TestSet,
} from '../support/actors.js';
import type { ManualClock } from '../support/manual-clock.js';
import {
  startTestServer,
  type TestServer,
  type TestServerOptions,
} from '../support/test-server.js';
import { launchChromium, openWatchedPage, type OpenOptions, type WatchedPage } from './browser.js';

export interface BrowserSuite {
  readonly server: TestServer;
  readonly browser: Browser;
  /** The server's first organiser, who makes the suite's sets. */
  readonly organiser: TestPerson;
  /**
   * Opens `path` signed in as `person` (on the suite's server, or on `serverUrl`) and checks the
   * page ran under the strict Content Security Policy: otherwise it proves nothing.
   */
  open(
    path: string,
    person: TestPerson,
    options?: Omit<OpenOptions, 'cookie'> & { serverUrl?: string },
  ): Promise<WatchedPage>;
  /** A new set of the organiser's, with a facilitator, `memberCount` members and `settings`. */
  newSet(memberCount?: number, settings?: Partial<SetSettings>): Promise<TestSet>;
}

/** Call in a `describe` body: the suite's server and browser live as long as its tests. */
export function browserSuite(
  options: { clock?: ManualClock; boardLimits?: TestServerOptions['boardLimits'] } = {},
): BrowserSuite {
  let started: { server: TestServer; browser: Browser; organiser: TestPerson } | undefined;
  const ready = () => {
    if (!started) throw new Error('the suite has not started (used outside its tests?)');
    return started;
  };

  beforeAll(async () => {
    const server = await startTestServer({
      clientDistDir: inject('clientDistDir'),
      ...(options.clock ? { now: options.clock.now, scheduler: options.clock } : {}),
      ...(options.boardLimits ? { boardLimits: options.boardLimits } : {}),
    });
    const setupUrl = await server.setupUrl();
    if (!setupUrl) throw new Error('a fresh server has a set-up link');
    const organiser = await setUpOrganiser(server.url, setupUrl);
    started = { server, organiser, browser: await launchChromium() };
  });

  afterAll(async () => {
    await started?.browser.close();
    await started?.server.close();
  });

  return {
    get server() {
      return ready().server;
    },
    get browser() {
      return ready().browser;
    },
    get organiser() {
      return ready().organiser;
    },
    async open(path, person, { serverUrl, ...openOptions } = {}) {
      const { server, browser } = ready();
      const watched = await openWatchedPage(browser, `${serverUrl ?? server.url}${path}`, {
        ...openOptions,
        cookie: person.cookie,
      });
      const policy = watched.headers['content-security-policy'];
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("style-src 'self'");
      return watched;
    },
    async newSet(memberCount = 2, settings = {}) {
      const { server, organiser } = ready();
      const people = await setWithPeople(server.url, null, memberCount, organiser);
      if (Object.keys(settings).length === 0) return people;
      await expectOk(server.url, 'PATCH', `/api/sets/${people.set.id}`, {
        as: people.facilitator,
        body: { settings: { ...people.set.settings, ...settings } },
      });
      return people;
    },
  };
}

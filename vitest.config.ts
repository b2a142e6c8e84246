import { defineConfig } from 'vitest/config';

/**
 * One runner for every suite. `npm test` runs them all; suites that need Redis or Chromium skip
 * with a printed reason when the service is absent, unless REQUIRE_REDIS=1 / REQUIRE_BROWSER=1.
 */
export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'shared/src/**/*.test.ts',
            'server/src/**/*.test.ts',
            'client/src/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['./tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One browser at a time keeps a 2-core machine responsive.
          fileParallelism: false,
        },
      },
      {
        test: {
          // Tests that compare latencies under an attack with latencies just before it. They
          // run after every other project, one file at a time, so the only load the server
          // feels is the one the test makes.
          name: 'timing',
          include: ['tests/timing/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 30_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});

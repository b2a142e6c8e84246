/**
 * Helpers own their cleanup: inside a test they register it with `onTestFinished`, so a test
 * body only says what it checks. Outside a test (in `beforeAll`, where `onTestFinished` is not
 * available, and where `afterAll` can no longer be registered) the cleanup runs once the test
 * file's tests have all finished, newest first.
 */
import { afterAll, onTestFinished } from 'vitest';

type Close = () => Promise<void> | void;

/** Cleanups registered outside a test, for the end of this test file. */
const atFileEnd: Close[] = [];

// Registered while the test file that imports this module is collected, so it belongs to that
// file (each test file gets its own copy of this module).
afterAll(async () => {
  const failures: unknown[] = [];
  for (const close of atFileEnd.splice(0).reverse()) {
    try {
      await close();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, 'cleanup after the tests failed');
});

export function closeWhenTestEnds(close: Close): void {
  try {
    onTestFinished(async () => {
      await close();
    });
  } catch {
    // Not inside a test (onTestFinished throws there): close when the file's tests end.
    atFileEnd.push(close);
  }
}

/**
 * Helpers own their cleanup: inside a test they register it with `onTestFinished`, so a test
 * body only says what it checks. Outside a test (in `beforeAll`) the caller closes explicitly.
 */
import { onTestFinished } from 'vitest';

export function closeWhenTestEnds(close: () => Promise<void> | void): void {
  try {
    onTestFinished(async () => {
      await close();
    });
  } catch {
    // Not inside a test: the caller owns the lifetime (e.g. afterAll).
  }
}

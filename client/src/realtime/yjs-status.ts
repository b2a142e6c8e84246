import { YjsCloseCode, isPermanentYjsClose } from '@setboard/shared';

// Kept apart from yjs-provider.ts so the connection banner, on every page, does not pull in Yjs.

/** What one collaborative document's connection is doing. */
export type YjsStatus =
  | { kind: 'connecting' }
  | { kind: 'connected' }
  | { kind: 'offline' }
  | { kind: 'closed'; code: number; reason: string };

/** Explains a permanent close in words a person can act on. */
export function describeYjsClose(code: number): string {
  switch (code) {
    case YjsCloseCode.unauthenticated:
      return 'Your session has ended — use your sign-in link again.';
    case YjsCloseCode.forbidden:
      return 'You do not have access to this document. Check you are signed in, then reload the page.';
    case YjsCloseCode.notFound:
      return 'This document no longer exists.';
    case YjsCloseCode.rebuilt:
      return 'This board was rebuilt on the server (to make room, or to take out a former member’s words). Reload the page to see it as it is now.';
    case YjsCloseCode.tooLarge:
      return 'A change was too large to save. Reload the page to carry on.';
    case YjsCloseCode.rateLimited:
      return 'Too many changes were sent too quickly. Wait a moment, then reload the page.';
    case YjsCloseCode.boardFull:
      return 'This board is full, so what you typed last was not saved: copy it now to keep it. Your facilitator has been told and can rebuild the board to make room.';
    case YjsCloseCode.writeAllowanceUsed:
      return 'You have written as much to this board today as one person may, so what you typed last was not saved: copy it now to keep it, and carry on tomorrow.';
    case YjsCloseCode.tooManyConnections:
      return 'You have too many boards open at once. Close some other tabs, then reload this page.';
    case YjsCloseCode.malformed:
      return 'The server could not read a change from this page. Reload the page to carry on.';
    default:
      return isPermanentYjsClose(code)
        ? `The server closed this document (code ${code}). Reload the page to carry on.`
        : 'The connection to this document was lost.';
  }
}

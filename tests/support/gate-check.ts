/**
 * One write rule, checked the way [AT-D1] asks: an allowed edit reaches a third client; a forbidden
 * one is reverted at its sender (who is told, with their text back), never reaches the third
 * client — not even as bytes — and is not in the store; the sender's next allowed edit syncs.
 */
import * as Y from 'yjs';
import { expect } from 'vitest';
import type { TestPerson } from './actors.js';
import { connectBoard, type BoardTestClient } from './board-client.js';
import type { TestServer } from './test-server.js';

export interface GateEdit {
  who: TestPerson;
  /** Writes `marker` somewhere in the doc. */
  write(doc: Y.Doc, marker: string): void;
  /** Whether `marker` is in the doc where `write` put it. */
  has(doc: Y.Doc, marker: string): boolean;
}

export interface RuleCheck {
  rule: string;
  docName: string;
  observer: TestPerson;
  allowed: GateEdit;
  /** Runs between the allowed and the forbidden edit (e.g. the stage moves on). */
  beforeForbidden?: () => Promise<unknown>;
  forbidden: GateEdit;
  /** An edit the forbidden writer may make in the same doc, right after the refusal. */
  nextAllowed?: GateEdit;
}

/** Whether the observer has everything `writer` has sent so far (the net of any revert too). */
function caughtUp(observer: BoardTestClient, writer: BoardTestClient): boolean {
  const clientId = writer.doc.clientID;
  const sent = Y.getState(writer.doc.store, clientId);
  return Y.getState(observer.doc.store, clientId) >= sent;
}

export async function checkWriteRule(server: TestServer, check: RuleCheck): Promise<void> {
  const boards = new Map<TestPerson, BoardTestClient>();
  const boardOf = async (person: TestPerson) => {
    let board = boards.get(person);
    if (!board) {
      board = connectBoard(server.url, check.docName, person);
      boards.set(person, board);
      await board.synced();
    }
    return board;
  };
  const observer = await boardOf(check.observer);
  const allowedMarker = `ALLOWED-${check.rule}-${Math.random().toString(36).slice(2, 8)}`;
  const forbiddenMarker = `FORBIDDEN-${check.rule}-${Math.random().toString(36).slice(2, 8)}`;

  const writer = await boardOf(check.allowed.who);
  check.allowed.write(writer.doc, allowedMarker);
  await observer.waitUntil((doc) => check.allowed.has(doc, allowedMarker), 'the allowed edit');
  expect(writer.notices).toEqual([]);

  await check.beforeForbidden?.();
  const refused = await boardOf(check.forbidden.who);
  const noticesBefore = refused.notices.length;
  check.forbidden.write(refused.doc, forbiddenMarker);
  const notice = await refused.waitForNotice(noticesBefore + 1);
  expect(notice.type).toBe('write_refused');
  expect(notice.refusals.map((refusal) => refusal.rule)).toEqual([check.rule]);
  expect(notice.refusals[0]!.text).toContain(forbiddenMarker);
  await refused.waitUntil(
    (doc) => !check.forbidden.has(doc, forbiddenMarker),
    'the refused edit reverted',
  );
  await observer.waitUntil(() => caughtUp(observer, refused), 'the net of the refused edit');
  expect(check.forbidden.has(observer.doc, forbiddenMarker)).toBe(false);
  expect(observer.everReceived(forbiddenMarker)).toBe(false);
  const stored = await server.store.loadDoc(check.docName);
  const storedText = stored.updates.map((update) => Buffer.from(update).toString('utf8'));
  expect(storedText.some((text) => text.includes(forbiddenMarker))).toBe(false);
  expect(storedText.some((text) => text.includes(allowedMarker))).toBe(true);

  if (check.nextAllowed) {
    const nextMarker = `NEXT-${check.rule}-${Math.random().toString(36).slice(2, 8)}`;
    check.nextAllowed.write(refused.doc, nextMarker);
    await observer.waitUntil((doc) => check.nextAllowed!.has(doc, nextMarker), 'the next edit');
    expect(refused.notices.length).toBe(noticesBefore + 1);
  }
  for (const board of boards.values()) board.destroy();
}

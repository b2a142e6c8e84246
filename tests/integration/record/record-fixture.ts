/**
 * Shared by the record's tests: a person writes a canary into every section of a set's boards
 * they can write outside a meeting, and the places a canary could be stored or logged.
 */
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { createLogger } from '@setboard/server';
import { expectOk, type TestPerson } from '../../support/actors.js';
import { connectBoard, typeParagraph } from '../../support/board-client.js';
import { placesHolding, type SuiteStorage } from '../../support/stored-bytes.js';

/** Everything the server logs, at debug level, as one string. */
export function capturedLogger() {
  const lines: string[] = [];
  const logger = createLogger('debug', { write: (line: string) => void lines.push(line) });
  return { logger, text: () => lines.join('') };
}

export async function storedBytesOf(storage: SuiteStorage, text: string) {
  return placesHolding(await storage.everythingStored(), text);
}

export async function writeEverywhere(
  url: string,
  person: TestPerson,
  setId: string,
  canary: string,
) {
  const board = connectBoard(url, `set:${setId}`, person);
  await board.synced();
  board.doc.transact(() => {
    board.text.insert(board.text.length, ` ${canary}-notes `);
    const objective = new Y.Map<unknown>();
    board.doc.getMap(`personalObjectives:${person.personId}`).set(randomUUID(), objective);
    objective.set('statement', `${canary}-objective`);
  });
  const meeting = connectBoard(url, `meeting:${setId}-m0`, person);
  await meeting.synced();
  typeParagraph(meeting.doc, `expectations:${person.personId}`, `${canary}-expectations`);
  const log = connectBoard(url, `log:${person.personId}`, person);
  await log.synced();
  typeParagraph(log.doc, 'entries', `${canary}-log`);
  await expectOk(url, 'POST', `/api/sets/${setId}/meetings/0/apologies`, {
    as: person,
    body: { message: `${canary}-apology` },
  });
  return { board, meeting, log };
}

/**
 * [AT-RS2][Y20] New client ids are bounded per connection (and per person per board per day):
 * within the allowance they are bound, all at once; beyond it the connection closes with 4429
 * and none of them is bound.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { YjsCloseCode } from '@setboard/shared';
import { setWithPeople, type TestPerson } from '../../support/actors.js';
import { openRaw, sendAndSettle, updateMessage } from '../../support/raw-yjs.js';
import { startTestServer } from '../../support/test-server.js';
import {
  CLIENT_IDS_COLLECTION,
  DEFAULT_CLIENT_ID_LIMITS,
} from '../../../server/src/boards/client-ids.js';

/** Text in the shared notes from each of `clientIds`, one after another. */
function writtenBy(clientIds: number[]): Uint8Array {
  const doc = new Y.Doc();
  for (const clientId of clientIds) {
    doc.clientID = clientId;
    doc.getText('notes').insert(0, `from ${clientId} `);
  }
  return Y.encodeStateAsUpdate(doc);
}

describe('[AT-RS2] client ids per connection', () => {
  it('[AT-RS2][Y20] up to the allowance is bound in one go; one more closes with 4429, binding none', async () => {
    const server = await startTestServer();
    const people = await setWithPeople(server.url, await server.setupUrl(), 1);
    const mo = people.members[0] as TestPerson;
    const docName = `set:${people.set.id}`;
    const bound = async () =>
      (await server.store.list<{ personId: string }>(CLIENT_IDS_COLLECTION)).map(
        (record) => record.id,
      );
    const allowance = DEFAULT_CLIENT_ID_LIMITS.perConnection;
    // The presence probe `sendAndSettle` adds uses one more id of its own.
    const within = Array.from({ length: allowance - 1 }, (_, index) => 1_000 + index);
    const first = await openRaw(server.url, docName, mo);
    expect(await sendAndSettle(first, updateMessage(writtenBy(within)))).toBe('open');
    first.close();
    for (const clientId of within) expect(await bound()).toContain(`${docName}#${clientId}`);

    const beyond = Array.from({ length: allowance + 1 }, (_, index) => 2_000 + index);
    const second = await openRaw(server.url, docName, mo);
    expect(await sendAndSettle(second, updateMessage(writtenBy(beyond)))).toBe(
      YjsCloseCode.rateLimited,
    );
    const after = await bound();
    for (const clientId of beyond) expect(after).not.toContain(`${docName}#${clientId}`);
    await server.close();
  });
});

/**
 * [AT-RS6] The write gate leaves no side channel: a root nobody may create (a per-person root
 * naming someone outside the set), an update with bytes after its end, and items anchored on
 * content the doc has already collected. Nothing of any of them
 * is stored (the store is read) or sent (a second member's provider watches every byte).
 */
import * as Y from 'yjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { personalRoot, YjsCloseCode } from '@setboard/shared';
import { setWithPeople, type TestPerson } from '../../support/actors.js';
import { connectBoard, type BoardTestClient } from '../../support/board-client.js';
import { openRaw, sendAndSettle, updateMessage } from '../../support/raw-yjs.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { PLACE_REMOVED_REASON } from '../../../server/src/boards/write-gate.js';

describe('[AT-RS6] refused roots, trailing bytes and orphaned items leave nothing behind', () => {
  let server: TestServer;
  let mo: TestPerson, ann: TestPerson;
  let docName: string;
  let observer: BoardTestClient;

  beforeAll(async () => {
    server = await startTestServer();
    const people = await setWithPeople(server.url, await server.setupUrl(), 2);
    [mo, ann] = people.members as [TestPerson, TestPerson];
    docName = `set:${people.set.id}`;
    observer = connectBoard(server.url, docName, ann);
    await observer.synced();
  });

  const marker = (label: string) => `${label}-${Math.random().toString(36).slice(2, 10)}`;

  /** Whether any stored update of the doc holds `text`. */
  const stored = async (text: string) =>
    (await server.store.loadDoc(docName)).updates.some((update) =>
      Buffer.from(update).toString('utf8').includes(text),
    );

  /**
   * Mo writes a fresh line in the shared notes and the observer waits for it: it went through
   * the doc's queue after whatever was sent before, so anything that was going to reach the
   * observer has reached it.
   */
  const afterEverythingSent = async () => {
    const line = marker('LATER');
    const socket = await openRaw(server.url, docName, mo);
    const doc = new Y.Doc();
    doc.getText('notes').insert(0, line);
    expect(await sendAndSettle(socket, updateMessage(Y.encodeStateAsUpdate(doc)))).toBe('open');
    socket.close();
    await observer.waitUntil((seen) => seen.getText('notes').toString().includes(line), line);
  };

  const sendRaw = async (message: Uint8Array) => {
    const socket = await openRaw(server.url, docName, mo);
    const outcome = await sendAndSettle(socket, message);
    socket.close();
    return outcome;
  };

  const leftNoTrace = async (secret: string) => {
    await afterEverythingSent();
    expect(await stored(secret), 'stored').toBe(false);
    expect(observer.everReceived(secret), 'sent').toBe(false);
    expect([...observer.doc.share.keys()].some((name) => name.includes(secret))).toBe(false);
  };

  it('[AT-RS6][W0] a per-person root naming someone outside the set closes with 4403, unseen', async () => {
    const secret = marker('ROOTNAME');
    const doc = new Y.Doc();
    doc.getMap(`personalObjectives:${secret}`).set('objective', { title: 'x' });
    expect(await sendRaw(updateMessage(Y.encodeStateAsUpdate(doc)))).toBe(YjsCloseCode.forbidden);
    await leftNoTrace(secret);
  });

  it('[AT-RS6][Y3] an update with bytes after its end closes with 4400, unseen', async () => {
    const secret = marker('TRAILING');
    const doc = new Y.Doc();
    doc.getText('notes').insert(0, `${secret} in the text`);
    const update = Y.encodeStateAsUpdate(doc);
    const tail = new TextEncoder().encode(`${secret} after the end`);
    const trailing = Uint8Array.from([...update, ...tail]);
    expect(await sendRaw(updateMessage(trailing))).toBe(YjsCloseCode.malformed);
    // Bytes after the update inside the message, too.
    const afterPayload = Uint8Array.from([...updateMessage(update), ...tail]);
    expect(await sendRaw(afterPayload)).toBe(YjsCloseCode.malformed);
    await leftNoTrace(secret);
  });

  it('[AT-RS6][Y13] text typed into a record deleted meanwhile is given back, neither stored nor sent', async () => {
    const root = personalRoot('personalObjectives', mo.personId);
    const first = connectBoard(server.url, docName, mo);
    const second = connectBoard(server.url, docName, mo);
    await Promise.all([first.synced(), second.synced()]);
    const record = new Y.Map<string>();
    first.doc.getMap(root).set('objective-1', record);
    record.set('title', 'Listen more');
    await second.waitUntil((doc) => doc.getMap(root).has('objective-1'), 'the record');

    // The second page goes offline; the first deletes the record; the second types on into it,
    // changing a field (anchored on the collected old value) and adding one (a collected parent).
    second.provider.disconnect();
    first.doc.getMap(root).delete('objective-1');
    await observer.waitUntil((doc) => !doc.getMap(root).has('objective-1'), 'the deletion');
    const changed = marker('ORPHANCHANGED');
    const added = marker('ORPHANADDED');
    const offline = second.doc.getMap(root).get('objective-1') as Y.Map<string>;
    offline.set('title', changed);
    offline.set('detail', added);
    second.provider.connect();

    const notice = await second.waitForNotice();
    expect(notice.type).toBe('write_refused');
    const given = notice.type === 'write_refused' ? notice.refusals : [];
    expect(given.map((refusal) => refusal.reason)).toEqual([PLACE_REMOVED_REASON]);
    expect(given[0]!.text).toContain(changed);
    expect(given[0]!.text).toContain(added);
    for (const secret of [changed, added]) {
      await leftNoTrace(secret);
      expect(first.everReceived(secret)).toBe(false);
    }
    // The page's later writing still arrives.
    const next = marker('NEXT');
    second.doc.getText('notes').insert(0, next);
    await observer.waitUntil((doc) => doc.getText('notes').toString().includes(next), next);
    first.destroy();
    second.destroy();
  });
});

/**
 * [AT-D2] Bad updates on a set's board: each is refused with a close code (G4), the server stays
 * up, and the stored doc is exactly what it was. Covered: empty, garbage bytes, every prefix of
 * a valid update, V2 encoding, an update that would stay pending, structs under another person's
 * client id, awareness in another person's name, and one byte over the size cap.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_YJS_MESSAGE_BYTES, presenceUserOf, YjsCloseCode } from '@setboard/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { setWithPeople, type TestPerson } from '../../support/actors.js';
import { connectBoard, proseOf, typeParagraph } from '../../support/board-client.js';
import {
  awarenessMessage,
  closeCode,
  countSyncRequests,
  openRaw,
  sendAndSettle,
  updateMessage,
} from '../../support/raw-yjs.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { CLIENT_IDS_COLLECTION } from '../../../server/src/boards/client-ids.js';
import { YJS_CONNECTION_BUDGET } from '../../../server/src/realtime/yjs/yjs-connection.js';
import {
  MAX_REFUSED_SECTIONS_PER_MINUTE,
  MAX_RESYNCS_PER_MINUTE,
} from '../../../server/src/realtime/yjs/peer-budgets.js';

describe('[AT-D2] bad updates are refused and change nothing', () => {
  let server: TestServer;
  let mo: TestPerson, ann: TestPerson;
  let docName: string;
  /** The doc's stored state, as one update. */
  const storedState = async () => {
    const doc = new Y.Doc();
    for (const update of (await server.store.loadDoc(docName)).updates) Y.applyUpdate(doc, update);
    return { text: doc.getText('notes').toString(), vector: [...Y.encodeStateVector(doc)] };
  };
  let before: Awaited<ReturnType<typeof storedState>>;

  beforeAll(async () => {
    server = await startTestServer();
    const people = await setWithPeople(server.url, await server.setupUrl(), 2);
    [mo, ann] = people.members as [TestPerson, TestPerson];
    docName = `set:${people.set.id}`;
    const writer = connectBoard(server.url, docName, mo);
    await writer.synced();
    writer.doc.getText('notes').insert(0, 'What is stopping you?');
    await vi.waitFor(async () => expect((await storedState()).text).toBe('What is stopping you?'));
    writer.destroy();
    before = await storedState();
  });

  /** Sends `message` on a fresh connection as `person`; returns how it settled. */
  const send = async (message: Uint8Array, person: TestPerson = mo) => {
    const socket = await openRaw(server.url, docName, person);
    const outcome = await sendAndSettle(socket, message);
    socket.close();
    return outcome;
  };

  const stillUpAndUnchanged = async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await storedState()).toEqual(before);
  };

  /** A valid update from a fresh client: some text inserted after what the doc has. */
  const validUpdate = () => {
    const doc = new Y.Doc();
    doc.getText('notes').insert(0, 'A perfectly good question?');
    return Y.encodeStateAsUpdate(doc);
  };

  it('[AT-D2][Y3] an empty update and an empty message close with 4400', async () => {
    expect(await send(updateMessage(new Uint8Array()))).toBe(YjsCloseCode.malformed);
    expect(await send(new Uint8Array())).toBe(YjsCloseCode.malformed);
    await stillUpAndUnchanged();
  });

  it('[AT-D2][Y3] garbage bytes close with 4400', async () => {
    const garbage = Uint8Array.from({ length: 64 }, (_, index) => (index * 37 + 11) % 256);
    expect(await send(garbage)).toBe(YjsCloseCode.malformed);
    expect(await send(updateMessage(garbage))).toBe(YjsCloseCode.malformed);
    await stillUpAndUnchanged();
  });

  it('[AT-D2][Y3] every prefix of a valid update is refused', async () => {
    const update = validUpdate();
    for (let length = 0; length < update.length; length++) {
      const outcome = await send(updateMessage(update.slice(0, length)));
      // A prefix either cannot be read (4400) or reads as an update missing its dependencies,
      // which the server does not keep: it asks the client to re-sync instead (Y3).
      expect([YjsCloseCode.malformed, 'open'], `prefix of ${length}`).toContain(outcome);
    }
    await stillUpAndUnchanged();
  });

  it('[AT-D2][Y3] a V2-encoded update closes with 4400', async () => {
    const doc = new Y.Doc();
    doc.getText('notes').insert(0, 'Sent in V2');
    expect(await send(updateMessage(Y.encodeStateAsUpdateV2(doc)))).toBe(YjsCloseCode.malformed);
    await stillUpAndUnchanged();
  });

  it('[AT-D2][Y3] an update that would stay pending is not kept: the server asks for a re-sync, and closes with 4009 a connection that keeps sending them', async () => {
    const doc = new Y.Doc();
    doc.getText('notes').insert(0, 'first');
    const known = Y.encodeStateVector(doc);
    doc.getText('notes').insert(5, ' second');
    const pending = updateMessage(Y.encodeStateAsUpdate(doc, known));
    const socket = await openRaw(server.url, docName, mo);
    const requests = countSyncRequests(socket);
    expect(await sendAndSettle(socket, pending)).toBe('open');
    await vi.waitFor(() => expect(requests.count).toBeGreaterThanOrEqual(1));
    await stillUpAndUnchanged();
    const closed = closeCode(socket);
    for (let attempt = 0; attempt < MAX_RESYNCS_PER_MINUTE; attempt++) socket.send(pending);
    expect(await closed).toBe(YjsCloseCode.outOfSync);
    await stillUpAndUnchanged();
  });

  it('[AT-D2][W15] structs under another person’s client id close with 4403', async () => {
    const mine = connectBoard(server.url, docName, mo);
    await mine.synced();
    // Mo's provider announces its client id (awareness) on connecting, which binds it to Mo:
    // wait for the stored binding, so the forgery below meets it.
    await vi.waitFor(async () => {
      const binding = await server.store.get<{ personId: string }>(
        CLIENT_IDS_COLLECTION,
        `${docName}#${mine.doc.clientID}`,
      );
      expect(binding?.value.personId).toBe(mo.personId);
    });
    const forger = new Y.Doc();
    forger.clientID = mine.doc.clientID;
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(mine.doc));
    const sv = Y.encodeStateVector(forger);
    forger.getText('notes').insert(0, 'Mo did not write this. ');
    const forged = Y.encodeStateAsUpdate(forger, sv);
    // Ann sends it: Mo's client id is Mo's.
    expect(await send(updateMessage(forged), ann)).toBe(YjsCloseCode.forbidden);
    mine.destroy();
    await stillUpAndUnchanged();
  });

  it('[AT-D2][W16] awareness under another person’s client id is refused; a claimed name is replaced', async () => {
    const mine = connectBoard(server.url, docName, mo);
    await mine.synced();
    // A provider shares its presence once it has something to say (its first state is clock 0).
    mine.provider.awareness.setLocalStateField('cursor', null);
    const observer = connectBoard(server.url, docName, ann);
    await observer.synced();
    await observer.waitUntil(
      () => observer.provider.awareness.getStates().has(mine.doc.clientID),
      'Mo’s presence',
    );
    // Ann claims Mo's client id in awareness.
    const pretend = new Y.Doc();
    pretend.clientID = mine.doc.clientID;
    const fake = new awarenessProtocol.Awareness(pretend);
    fake.setLocalState({ user: { id: mo.personId, name: 'Mo (really Ann)' } });
    const stolen = awarenessProtocol.encodeAwarenessUpdate(fake, [pretend.clientID]);
    // Higher clock than Mo's, so it would win if it were accepted. It is left out: the connection
    // stays open (providers echo others' states) and Mo still shows as Mo.
    fake.setLocalStateField('cursor', 'stolen');
    const stolenAgain = awarenessProtocol.encodeAwarenessUpdate(fake, [pretend.clientID]);
    expect(await send(awarenessMessage(stolen), ann)).toBe('open');
    expect(await send(awarenessMessage(stolenAgain), ann)).toBe('open');

    // Under her own client id, whatever name Ann claims, others see her real name.
    observer.provider.awareness.setLocalStateField('user', { id: mo.personId, name: 'Mo' });
    await mine.waitUntil(() => {
      const state = mine.provider.awareness.getStates().get(observer.doc.clientID) as
        { user?: { id?: string; name?: string } } | undefined;
      return state?.user?.id === ann.personId && state.user.name === ann.name;
    }, 'Ann shown as Ann');
    const moSeen = observer.provider.awareness.getStates().get(mine.doc.clientID) as {
      user: { name: string };
    };
    expect(moSeen.user.name).toBe(mo.name);
    expect(moSeen).not.toHaveProperty('cursor', 'stolen');
    mine.destroy();
    observer.destroy();
    await stillUpAndUnchanged();
  });

  it('[AT-SP2][W16] an honest page’s presence is relayed as it was sent, byte for byte; a false name is written over', async () => {
    const sender = await openRaw(server.url, docName, mo);
    const receiver = await openRaw(server.url, docName, ann);
    const heard: Uint8Array[] = [];
    receiver.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) === 1) heard.push(decoding.readVarUint8Array(decoder));
    });
    const presence = (user: object, cursor: string) => {
      const page = new Y.Doc();
      const awareness = new awarenessProtocol.Awareness(page);
      awareness.setLocalState({ user, cursor });
      return awarenessProtocol.encodeAwarenessUpdate(awareness, [page.clientID]);
    };
    const heardWith = async (marker: string) => {
      await vi.waitFor(
        () => expect(heard.some((bytes) => Buffer.from(bytes).includes(marker))).toBe(true),
        { timeout: 10_000, interval: 5 },
      );
      return heard.find((bytes) => Buffer.from(bytes).includes(marker))!;
    };
    // Written with spaces, as no JSON.stringify would: encoded again, it would come out without.
    const honest = (() => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint(encoder, new Y.Doc().clientID);
      encoding.writeVarUint(encoder, 1);
      const user = JSON.stringify(presenceUserOf({ id: mo.personId, name: mo.name }));
      encoding.writeVarString(encoder, `{ "user": ${user}, "cursor": "HONEST-CURSOR" }`);
      return encoding.toUint8Array(encoder);
    })();
    sender.send(awarenessMessage(honest));
    expect(await heardWith('HONEST-CURSOR')).toStrictEqual(honest);

    const claimed = presence({ id: mo.personId, name: 'Somebody Else' }, 'CLAIMED-CURSOR');
    sender.send(awarenessMessage(claimed));
    const relayed = await heardWith('CLAIMED-CURSOR');
    expect(Buffer.from(relayed).includes('Somebody Else')).toBe(false);
    expect(Buffer.from(relayed).includes(mo.name)).toBe(true);
    sender.close();
    receiver.close();
  });

  it('[AT-D2][W0] a write to a part of the board that does not exist closes with 4403', async () => {
    const doc = new Y.Doc();
    doc.getText('notes'); // known
    doc.getMap('secretChannel').set('note', 'Not a section of any board');
    expect(await send(updateMessage(Y.encodeStateAsUpdate(doc)))).toBe(YjsCloseCode.forbidden);
    await stillUpAndUnchanged();
  });

  it('[AT-D2][Y12] a flood of messages on one connection closes it with 4429', async () => {
    const socket = await openRaw(server.url, docName, mo);
    const closed = closeCode(socket);
    const queryAwareness = new Uint8Array([3]);
    for (let sent = 0; sent <= YJS_CONNECTION_BUDGET.points; sent++) socket.send(queryAwareness);
    expect(await closed).toBe(YjsCloseCode.rateLimited);
    await stillUpAndUnchanged();
  });

  it('[AT-D2][Y6] one byte over the cap closes with 4413', async () => {
    const socket = await openRaw(server.url, docName, mo);
    const closed = closeCode(socket);
    socket.send(new Uint8Array(MAX_YJS_MESSAGE_BYTES + 1));
    expect(await closed).toBe(YjsCloseCode.tooLarge);
    await stillUpAndUnchanged();
  });
  it('[AT-D2][Y13] refusals in more sections than the budget allows close the connection with 4429', async () => {
    const writer = connectBoard(server.url, docName, mo);
    await writer.synced();
    const closed = new Promise<number>((resolve) =>
      writer.provider.on('connection-close', (event) => resolve(event?.code ?? 0)),
    );
    // Ground rules are the facilitator's to write, and no meeting is running: every paragraph is
    // refused, but they are one section — carrying on typing there is one episode, not many.
    for (let attempt = 0; attempt <= MAX_REFUSED_SECTIONS_PER_MINUTE; attempt++) {
      typeParagraph(writer.doc, 'groundRules', `Attempt ${attempt}`);
    }
    await writer.waitForNotice(MAX_REFUSED_SECTIONS_PER_MINUTE + 1);
    // Agreeing in other people's names: a new section each time.
    for (let attempt = 0; attempt <= MAX_REFUSED_SECTIONS_PER_MINUTE; attempt++) {
      writer.doc.getMap('agreements').set(`someone-${attempt}`, { version: 1, agreedAt: 1 });
    }
    expect(await closed).toBe(YjsCloseCode.rateLimited);
    const given = writer.notices.flatMap((notice) =>
      notice.type === 'write_refused' ? notice.refusals : [],
    );
    expect(given.filter((refusal) => refusal.section === 'groundRules').map((r) => r.text)).toEqual(
      Array.from({ length: MAX_REFUSED_SECTIONS_PER_MINUTE + 1 }, (_, i) => `Attempt ${i}`),
    );
    writer.destroy();
    // Refused changes are integrated and undone: the doc holds their (empty, deleted) items, but
    // its content is what it was. (Last in this file, so the other cases compare exact states.)
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const stored = new Y.Doc();
    for (const update of (await server.store.loadDoc(docName)).updates)
      Y.applyUpdate(stored, update);
    expect(stored.getText('notes').toString()).toBe(before.text);
    expect(proseOf(stored, 'groundRules')).toBe('');
  });
});
